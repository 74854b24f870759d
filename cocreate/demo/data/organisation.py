"""The demo municipality's departments, strategies, themes and accounts.

Strategy and theme names are taken as they are from real Danish strategy documents:
the strategy plan "Byens ressourcer – fremtidens løsninger" and the directors'
"Ledetråd 2015". Descriptions are written for the demo.
"""

from dataclasses import dataclass

from cocreate.accounts.roles import Role


@dataclass(frozen=True)
class DemoDepartment:
    slug: str
    name: str
    description: str
    acknowledge_days: int
    answer_days: int


@dataclass(frozen=True)
class DemoTheme:
    slug: str
    title: str
    description: str
    department: str  # slug of the owning department


@dataclass(frozen=True)
class DemoStrategy:
    slug: str
    title: str
    period: str
    description: str
    themes: tuple[DemoTheme, ...]


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    password: str
    roles: tuple[Role, ...] = ()
    departments: tuple[str, ...] = ()  # department slugs
    joined_days_ago: int = 200

    @property
    def key(self) -> str:
        """The name before the @, by which the proposals name their authors."""
        return self.email.split("@")[0]


DEPARTMENTS = (
    DemoDepartment(
        "teknik-og-miljo",
        "Teknik og Miljø",
        "Veje, stier, parker, natur, affald, klima, kommunens bygninger og byudvikling.",
        acknowledge_days=10,
        answer_days=60,
    ),
    DemoDepartment(
        "born-og-kultur",
        "Børn og Kultur",
        "Dagtilbud, skoler, fritid, biblioteker, kultur og foreningsliv.",
        acknowledge_days=10,
        answer_days=45,
    ),
    DemoDepartment(
        "social-og-sundhed",
        "Social og Sundhed",
        "Ældre, sundhed og forebyggelse, genoptræning, handicap og socialpsykiatri.",
        acknowledge_days=7,
        answer_days=45,
    ),
    DemoDepartment(
        "beskaeftigelse",
        "Beskæftigelse",
        "Jobcenter, virksomhedsservice, ungeindsats og vejen til job eller uddannelse.",
        acknowledge_days=5,
        answer_days=30,
    ),
    DemoDepartment(
        "staben",
        "Staben",
        "Borgerservice, digitalisering, kommunikation, HR og tværgående udvikling.",
        acknowledge_days=5,
        answer_days=30,
    ),
)

STRATEGIES = (
    DemoStrategy(
        "byens-ressourcer",
        "Byens ressourcer – fremtidens løsninger",
        "2013–2014",
        "Forvaltningens strategiplan: borgere, foreninger, virksomheder og uddannelses"
        "institutioner er ressourcer, som sammen med kommunen skal skabe fremtidens velfærd. "
        "Planen har syv faglige fokusområder.",
        (
            DemoTheme(
                "laering-og-uddannelse",
                "Læring og uddannelse",
                "Gode læringsmiljøer fra dagtilbud til ungdomsuddannelse.",
                "born-og-kultur",
            ),
            DemoTheme(
                "aktiv-beskaeftigelse",
                "Aktiv beskæftigelsesindsats og et rummeligt arbejdsmarked",
                "Flere i job og uddannelse, tæt samarbejde med de lokale virksomheder.",
                "beskaeftigelse",
            ),
            DemoTheme(
                "aktivt-og-sundt-aeldreliv",
                "Et aktivt og sundt ældreliv",
                "Ældre, der bevarer deres selvstændighed, trivsel og livskvalitet.",
                "social-og-sundhed",
            ),
            DemoTheme(
                "det-naere-sundhedsvaesen",
                "Det nære sundhedsvæsen",
                "Forebyggelse, pleje og genoptræning tæt på borgeren.",
                "social-og-sundhed",
            ),
            DemoTheme(
                "helhed-i-socialpsykiatrien",
                "Helhed i social-psykiatrien",
                "Borgere med sindslidelser, der kommer sig og er en del af fællesskabet.",
                "social-og-sundhed",
            ),
            DemoTheme(
                "borgervenlig-betjening",
                "Effektiv og borgervenlig betjening",
                "Et godt mix af digital selvbetjening og personlig hjælp.",
                "staben",
            ),
            DemoTheme(
                "den-netvaerksorienterede-by",
                "Den netværksorienterede by",
                "Byen, der deler lokaler, viden og ressourcer og udvikler sig bæredygtigt.",
                "teknik-og-miljo",
            ),
        ),
    ),
    DemoStrategy(
        "ledetraad-2015",
        "Ledetråd 2015",
        "2015",
        "Direktionens ledetråd sætter retning for organisationens arbejde med den nye "
        "velfærd: øje for den enkelte borger og et stærkt medborgerskab.",
        (
            DemoTheme(
                "moedet-med-borgeren",
                "I mødet med borgeren – den gode serviceoplevelse",
                "Borgeren møder én kommune, der er til at komme i kontakt med.",
                "staben",
            ),
            DemoTheme(
                "samspil-med-borgeren",
                "I samspil med borgeren – sammen om velfærden",
                "Borgere, foreninger og kommune skaber velfærden sammen.",
                "born-og-kultur",
            ),
            DemoTheme(
                "udvikling-og-laering",
                "I udvikling og læring – fremtidens kompetencer",
                "Medarbejdere og borgere, der lærer nyt og udvikler løsningerne sammen.",
                "staben",
            ),
        ),
    ),
)

CITIZEN_PASSWORD = "demo-borger-2026"
STAFF_PASSWORD = "demo-forvaltning-2026"
MODERATOR_PASSWORD = "demo-moderator-2026"
PANEL_PASSWORD = "demo-panel-2026"


def _staff(email: str, name: str, department: str) -> DemoAccount:
    return DemoAccount(
        email, name, STAFF_PASSWORD, (Role.DEPARTMENT_STAFF,), (department,), joined_days_ago=230
    )


def _panel(email: str, name: str) -> DemoAccount:
    return DemoAccount(email, name, PANEL_PASSWORD, (Role.PANEL_MEMBER,), joined_days_ago=220)


def _citizen(email: str, name: str, joined_days_ago: int) -> DemoAccount:
    return DemoAccount(email, name, CITIZEN_PASSWORD, joined_days_ago=joined_days_ago)


ACCOUNTS = (
    DemoAccount("admin@demo.cocreate.dk", "Henrik Dahl", "demo-admin-2026", (Role.ADMIN,), (), 240),
    DemoAccount(
        "moderator@demo.cocreate.dk", "Lene Kragh", MODERATOR_PASSWORD, (Role.MODERATOR,), (), 235
    ),
    DemoAccount(
        "moderator2@demo.cocreate.dk", "Rasmus Lind", MODERATOR_PASSWORD, (Role.MODERATOR,), (), 235
    ),
    _staff("teknik@demo.cocreate.dk", "Camilla Friis", "teknik-og-miljo"),
    _staff("born@demo.cocreate.dk", "Thomas Krogh", "born-og-kultur"),
    _staff("sundhed@demo.cocreate.dk", "Hanne Bech", "social-og-sundhed"),
    _staff("job@demo.cocreate.dk", "Peter Skov", "beskaeftigelse"),
    _staff("staben@demo.cocreate.dk", "Louise Winther", "staben"),
    _panel("panel@demo.cocreate.dk", "Inger Mortensen"),
    _panel("panel2@demo.cocreate.dk", "Kasper Holt"),
    _panel("panel3@demo.cocreate.dk", "Birgitte Vestergaard"),
    _citizen("mette.holm@demo.cocreate.dk", "Mette Holm", 210),
    _citizen("jonas.berg@demo.cocreate.dk", "Jonas Berg", 205),
    _citizen("aisha.rahimi@demo.cocreate.dk", "Aisha Rahimi", 200),
    _citizen("poul.erik.jensen@demo.cocreate.dk", "Poul Erik Jensen", 198),
    _citizen("sofie.lund@demo.cocreate.dk", "Sofie Lund", 190),
    _citizen("karim.haddad@demo.cocreate.dk", "Karim Haddad", 188),
    # They comment, support and join organisations rather than propose.
    _citizen("birthe.nielsen@demo.cocreate.dk", "Birthe Nielsen", 199),
    _citizen("fatima.ali@demo.cocreate.dk", "Fatima Ali", 197),
    _citizen("line.bak@demo.cocreate.dk", "Line Bak", 196),
    _citizen("niels.kjaer@demo.cocreate.dk", "Niels Kjær", 194),
    _citizen("morten.vinther@demo.cocreate.dk", "Morten Vinther", 192),
    _citizen("julie.andersen@demo.cocreate.dk", "Julie Andersen", 191),
    _citizen("ole.madsen@demo.cocreate.dk", "Ole Madsen", 189),
    _citizen("emil.sorensen@demo.cocreate.dk", "Emil Sørensen", 187),
)
