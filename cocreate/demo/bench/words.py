"""The municipal vocabulary benchmark texts are written from: inflected Danish words.

Lists run from common to rare: texts pick early entries far more often than late ones,
so that a search for a common word finds many proposals and a rare one few.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Noun:
    """A countable noun in its four forms: en sti, stien, stier, stierne."""

    indefinite: str
    definite: str
    plural: str
    definite_plural: str
    neuter: bool

    @property
    def article(self) -> str:
        return "et" if self.neuter else "en"


@dataclass(frozen=True)
class Adjective:
    """An adjective as it goes with an en-word, an et-word, and in plural or definite."""

    common: str
    neuter: str
    plural: str

    def agreeing(self, noun: Noun, plural: bool) -> str:
        if plural:
            return self.plural
        return self.neuter if noun.neuter else self.common


@dataclass(frozen=True)
class Verb:
    """A verb as infinitive, present tense and past participle; the passive adds -s."""

    infinitive: str
    present: str
    participle: str

    @property
    def passive(self) -> str:
        return self.infinitive + "s"


def _nouns(*lines: str) -> tuple[Noun, ...]:
    """Read "[et] sti stien stier stierne" lines; "et" marks a neuter noun."""
    nouns = []
    for line in lines:
        words = line.split()
        neuter = words[0] == "et"
        nouns.append(Noun(*words[neuter:], neuter=neuter))
    return tuple(nouns)


def _words(kind, *lines: str) -> tuple:
    return tuple(kind(*line.split()) for line in lines)


# What proposals to each of the demo municipality's departments talk about, by its slug.
TOPICS = {
    "teknik-og-miljo": _nouns(
        "cykelsti cykelstien cykelstier cykelstierne",
        "skolevej skolevejen skoleveje skolevejene",
        "legeplads legepladsen legepladser legepladserne",
        "et fortov fortovet fortove fortovene",
        "bænk bænken bænke bænkene",
        "park parken parker parkerne",
        "gadelampe gadelampen gadelamper gadelamperne",
        "et træ træet træer træerne",
        "busrute busruten busruter busruterne",
        "parkeringsplads parkeringspladsen parkeringspladser parkeringspladserne",
        "et fodgængerfelt fodgængerfeltet fodgængerfelter fodgængerfelterne",
        "skraldespand skraldespanden skraldespande skraldespandene",
        "sti stien stier stierne",
        "ladestander ladestanderen ladestandere ladestanderne",
        "et busstoppested busstoppestedet busstoppesteder busstoppestederne",
        "hundeskov hundeskoven hundeskove hundeskovene",
        "et vejbump vejbumpet vejbump vejbumpene",
        "rundkørsel rundkørslen rundkørsler rundkørslerne",
        "genbrugsstation genbrugsstationen genbrugsstationer genbrugsstationerne",
        "blomstereng blomsterengen blomsterenge blomsterengene",
        "et toilet toilettet toiletter toiletterne",
        "sø søen søer søerne",
        "cykelparkering cykelparkeringen cykelparkeringer cykelparkeringerne",
        "nyttehave nyttehaven nyttehaver nyttehaverne",
        "et shelter shelteret sheltere shelterne",
        "bålplads bålpladsen bålpladser bålpladserne",
        "cykelbro cykelbroen cykelbroer cykelbroerne",
        "et regnvandsbassin regnvandsbassinet regnvandsbassiner regnvandsbassinerne",
        "et udekøkken udekøkkenet udekøkkener udekøkkenerne",
    ),
    "born-og-kultur": _nouns(
        "skole skolen skoler skolerne",
        "et bibliotek biblioteket biblioteker bibliotekerne",
        "børnehave børnehaven børnehaver børnehaverne",
        "fritidsklub fritidsklubben fritidsklubber fritidsklubberne",
        "lektiecafé lektiecaféen lektiecaféer lektiecaféerne",
        "skolegård skolegården skolegårde skolegårdene",
        "vuggestue vuggestuen vuggestuer vuggestuerne",
        "svømmehal svømmehallen svømmehaller svømmehallerne",
        "et kulturhus kulturhuset kulturhuse kulturhusene",
        "idrætshal idrætshallen idrætshaller idrætshallerne",
        "ungdomsklub ungdomsklubben ungdomsklubber ungdomsklubberne",
        "café caféen caféer caféerne",
        "multibane multibanen multibaner multibanerne",
        "musikskole musikskolen musikskoler musikskolerne",
        "et medborgerhus medborgerhuset medborgerhuse medborgerhusene",
        "madordning madordningen madordninger madordningerne",
        "et klasselokale klasselokalet klasselokaler klasselokalerne",
        "spejderhytte spejderhytten spejderhytter spejderhytterne",
        "udstilling udstillingen udstillinger udstillingerne",
        "et mødelokale mødelokalet mødelokaler mødelokalerne",
    ),
    "social-og-sundhed": _nouns(
        "et plejehjem plejehjemmet plejehjem plejehjemmene",
        "et ældrecenter ældrecentret ældrecentre ældrecentrene",
        "et aktivitetscenter aktivitetscentret aktivitetscentre aktivitetscentrene",
        "et mødested mødestedet mødesteder mødestederne",
        "et træningscenter træningscentret træningscentre træningscentrene",
        "et spisefællesskab spisefællesskabet spisefællesskaber spisefællesskaberne",
        "besøgsven besøgsvennen besøgsvenner besøgsvennerne",
        "et sundhedshus sundhedshuset sundhedshuse sundhedshusene",
        "et motionshold motionsholdet motionshold motionsholdene",
        "seniorbolig seniorboligen seniorboliger seniorboligerne",
        "rampe rampen ramper ramperne",
        "et dagcenter dagcentret dagcentre dagcentrene",
        "et gåhold gåholdet gåhold gåholdene",
        "et værested værestedet væresteder værestederne",
        "et bofællesskab bofællesskabet bofællesskaber bofællesskaberne",
        "et handicaptoilet handicaptoilettet handicaptoiletter handicaptoiletterne",
    ),
    "beskaeftigelse": _nouns(
        "praktikplads praktikpladsen praktikpladser praktikpladserne",
        "et jobcenter jobcentret jobcentre jobcentrene",
        "et sommerjob sommerjobbet sommerjob sommerjobbene",
        "lærlingeplads lærlingepladsen lærlingepladser lærlingepladserne",
        "jobmesse jobmessen jobmesser jobmesserne",
        "mentorordning mentorordningen mentorordninger mentorordningerne",
        "et kursus kurset kurser kurserne",
        "jobklub jobklubben jobklubber jobklubberne",
        "et sprogkursus sprogkurset sprogkurser sprogkurserne",
        "virksomhedspraktik virksomhedspraktikken virksomhedspraktikker virksomhedspraktikkerne",
        "et fleksjob fleksjobbet fleksjob fleksjobbene",
        "et iværksætterhus iværksætterhuset iværksætterhuse iværksætterhusene",
        "et løntilskudsjob løntilskudsjobbet løntilskudsjob løntilskudsjobbene",
    ),
    "staben": _nouns(
        "hjemmeside hjemmesiden hjemmesider hjemmesiderne",
        "åbningstid åbningstiden åbningstider åbningstiderne",
        "et borgermøde borgermødet borgermøder borgermøderne",
        "selvbetjeningsløsning selvbetjeningsløsningen selvbetjeningsløsninger "
        "selvbetjeningsløsningerne",
        "telefontid telefontiden telefontider telefontiderne",
        "høring høringen høringer høringerne",
        "et nyhedsbrev nyhedsbrevet nyhedsbreve nyhedsbrevene",
        "blanket blanketten blanketter blanketterne",
        "informationsskærm informationsskærmen informationsskærme informationsskærmene",
        "et borgerpanel borgerpanelet borgerpaneler borgerpanelerne",
        "et borgerservicecenter borgerservicecentret borgerservicecentre borgerservicecentrene",
        "tolkeordning tolkeordningen tolkeordninger tolkeordningerne",
        "et brev brevet breve brevene",
    ),
}

# What a proposal is for, said as an adjective it may become.
WISHES = _words(
    Adjective,
    "ny nyt nye",
    "sikker sikkert sikre",
    "grøn grønt grønne",
    "tryg trygt trygge",
    "bedre bedre bedre",
    "bred bredt brede",
    "lys lyst lyse",
    "moderne moderne moderne",
    "tilgængelig tilgængeligt tilgængelige",
    "fælles fælles fælles",
    "ren rent rene",
    "hyggelig hyggeligt hyggelige",
    "bæredygtig bæredygtigt bæredygtige",
    "velholdt velholdt velholdte",
    "åben åbent åbne",
    "flot flot flotte",
)

# What is wrong today.
COMPLAINTS = _words(
    Adjective,
    "farlig farligt farlige",
    "slidt slidt slidte",
    "smal smalt smalle",
    "mørk mørkt mørke",
    "utryg utrygt utrygge",
    "overfyldt overfyldt overfyldte",
    "beskidt beskidt beskidte",
    "forældet forældet forældede",
    "larmende larmende larmende",
    "utilgængelig utilgængeligt utilgængelige",
)

VERBS = _words(
    Verb,
    "etablere etablerer etableret",
    "forbedre forbedrer forbedret",
    "renovere renoverer renoveret",
    "udvide udvider udvidet",
    "forny fornyer fornyet",
    "sikre sikrer sikret",
    "bevare bevarer bevaret",
    "flytte flytter flyttet",
    "udbygge udbygger udbygget",
    "vedligeholde vedligeholder vedligeholdt",
    "opgradere opgraderer opgraderet",
    "anlægge anlægger anlagt",
    "tilpasse tilpasser tilpasset",
    "genåbne genåbner genåbnet",
    "afprøve afprøver afprøvet",
    "bygge bygger bygget",
)

GROUPS = (
    "børn", "ældre", "børnefamilier", "unge", "borgere", "naboer", "cyklister",
    "skoleelever", "beboere", "pensionister", "forældre", "fodgængere", "pendlere",
    "frivillige", "bilister", "seniorer", "hundeejere", "foreninger", "lærere",
    "pædagoger", "kørestolsbrugere", "studerende", "turister", "handlende", "ledige",
    "nytilflyttere", "lejere", "mennesker med handicap",
)  # fmt: skip

STREETS = (
    "Østergade", "Vestergade", "Skovvej", "Stationsvej", "Torvegade", "Nørregade",
    "Kirkevej", "Søndergade", "Møllevej", "Engvej", "Skolegade", "Bakkevej", "Havnevej",
    "Strandvej", "Ringvejen", "Parkvej", "Bygaden", "Åvej", "Egevej", "Birkevej",
    "Lindevej", "Kastanjealle", "Teglværksvej", "Mejerivej", "Banegårdspladsen",
)  # fmt: skip

DISTRICTS = (
    "Midtbyen", "Engdal Nord", "Engdal Syd", "Havnekvarteret", "Skovbrynet", "Engparken",
    "Kirkebjerg", "Bakkehuse", "Strandbyen", "Mølleparken", "Lindholm", "Egebjerg",
    "Rosenhøj", "Hasselbakken", "Bøgeskov", "Askehave", "Tjørnelyst", "Granly",
    "Vestervang", "Østerlund",
)  # fmt: skip

GOALS = (
    "bedre trafiksikkerhed", "grøn omstilling", "mere liv i byen", "stærke fællesskaber",
    "et aktivt ældreliv", "bedre trivsel for børn og unge", "flere i job",
    "mere natur i byen", "en borgervenlig betjening", "sundhed for alle",
    "mindre madspild", "et rummeligt arbejdsmarked",
)  # fmt: skip

WHEN = (
    "i løbet af næste år", "inden sommerferien", "i forbindelse med næste budget",
    "i foråret", "i efteråret", "inden for to år", "når anlægsplanen er vedtaget",
)  # fmt: skip

FIRST_NAMES = (
    "Anne", "Mette", "Kirsten", "Hanne", "Peter", "Jens", "Lars", "Michael", "Henrik",
    "Susanne", "Lene", "Søren", "Thomas", "Maria", "Niels", "Camilla", "Anders", "Louise",
    "Rasmus", "Ida", "Mads", "Sofie", "Emma", "Mikkel", "Freja", "Jesper", "Birthe", "Ole",
    "Ahmed", "Fatima", "Karim", "Aisha", "Jonas", "Julie", "Emil", "Line", "Morten", "Inge",
    "Poul", "Bente", "William", "Clara", "Oscar", "Laura", "Frederik", "Gitte", "Ali",
    "Zainab", "Victor", "Astrid",
)  # fmt: skip

LAST_NAMES = (
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
    "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen",
    "Thomsen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Holm",
    "Lund", "Bak", "Vinther", "Kjær", "Østergaard", "Dam", "Berg", "Haddad", "Rahimi",
    "Yilmaz", "Hussein", "Nygaard", "Schmidt",
)  # fmt: skip

ASSOCIATIONS = (
    "Grundejerforeningen", "Beboerforeningen", "Idrætsforeningen", "Lokalrådet",
    "Cykelklubben", "Spejdergruppen", "Seniorklubben", "Forældreforeningen",
    "Kulturforeningen", "Naturforeningen",
)  # fmt: skip

TRADES = (
    "Tømrer ApS", "VVS ApS", "El-service ApS", "Cykler ApS", "Bageri ApS", "Anlægsgartner A/S",
    "Rengøring ApS", "Boghandel ApS", "Køreskole ApS", "Maskinstation A/S",
)  # fmt: skip
