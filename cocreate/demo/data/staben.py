"""Demo proposals that start with Staben: citizen service, meeting citizens, competences."""

from cocreate.demo.story import (
    Acknowledge,
    Answer,
    Approve,
    DemoProposal,
    Draft,
    Implement,
    Submit,
    Withdraw,
)
from cocreate.proposals.models import Outcome

PROPOSALS = (
    DemoProposal(
        author="mette.holm",
        themes=("borgervenlig-betjening", "udvikling-og-laering"),
        title="Digital hjælp til seniorer på biblioteket",
        summary="""
            En fast ugentlig café, hvor seniorer kan få hjælp til MitID, Digital Post og apps
            fra frivillige og Borgerservice.
            """,
        body="""
            Næsten alt foregår digitalt nu: lægen, banken, Digital Post og pas. Mange ældre kan
            godt, men bliver usikre, når noget ændrer sig – som da NemID blev til MitID.

            Det er ikke rimeligt, at man skal tage en hel dag fri for at hjælpe sin mor med at
            logge på.

            Mit forslag er en café med digital hjælp på biblioteket hver tirsdag formiddag, hvor
            Borgerservice og frivillige sidder klar til at hjælpe – uden tidsbestilling.
            """,
        story=(
            Submit(175),
            Approve(173),
            Acknowledge(172),
            Answer(
                158,
                Outcome.ACCEPTED,
                """
                Tak for et godt forslag. Flere skal kunne betjene sig selv, men der skal være
                hjælp til dem, der har brug for det.

                Borgerservice og biblioteket åbner *Digital hjælp* hver tirsdag fra kl. 10 til
                12. Ældre Sagens it-frivillige er med, og der er ingen tidsbestilling.
                """,
            ),
            Implement(
                110,
                """
                Digital hjælp har nu haft åbent i tre måneder. Der kommer mellem 20 og 30
                borgere hver tirsdag, og de fleste spørgsmål handler om MitID og Digital Post.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="mette.holm",
        themes=("borgervenlig-betjening",),
        title="Åbent i Borgerservice til kl. 19 om torsdagen",
        summary="""
            Folk med almindelige arbejdstider kan ikke nå Borgerservice. Hold åbent til kl. 19
            én dag om ugen.
            """,
        body="""
            Borgerservice lukker kl. 15 de fleste dage og kl. 17 om torsdagen. Arbejder man uden
            for byen, er det næsten umuligt at få nyt pas eller kørekort uden at tage fri.

            Mange andre kommuner har åbent til sent én dag om ugen. Det burde vi også have.
            """,
        story=(
            Submit(95),
            Approve(93),
            Acknowledge(90),
            Answer(
                70,
                Outcome.DECLINED,
                """
                Tak for forslaget. Vi har set på, hvordan den sene åbning om torsdagen bliver
                brugt: efter kl. 16 kommer der i gennemsnit færre end fem borgere i timen, og
                åbent til kl. 19 vil kræve to medarbejdere mere om aftenen.

                Vi afslår derfor forslaget. Til gengæld kan du nu bestille tid til pas og
                kørekort fra kl. 7.30 om morgenen, og et færdigt pas kan hentes i døgnboksen ved
                rådhuset.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="karim.haddad",
        themes=("borgervenlig-betjening",),
        title="Sms, når pas eller kørekort snart udløber",
        summary="""
            Send en påmindelse en måned før pas og kørekort udløber, så man ikke først opdager
            det i lufthavnen.
            """,
        body="""
            Sidste sommer opdagede vi i lufthavnen, at vores datters pas var udløbet. Det endte
            med en dyr ombooking.

            Kommunen har oplysningerne. Send en sms eller en besked i Digital Post en måned,
            før et pas eller et kørekort udløber, med et link til at bestille tid i
            Borgerservice.
            """,
        story=(Submit(2),),
    ),
    DemoProposal(
        author="sofie.lund",
        themes=("borgervenlig-betjening", "udvikling-og-laering"),
        title="Breve fra kommunen på klart og enkelt dansk",
        summary="""
            Kommunens breve er fulde af paragraffer og fagord. Skriv dem, så almindelige
            mennesker kan forstå, hvad de skal gøre.
            """,
        body="""
            Jeg fik et brev om boligstøtte på tre sider. Først på side tre stod der, at jeg
            skulle sende en lønseddel inden 14 dage – ellers ville støtten stoppe.

            Jeg foreslår, at alle standardbreve bliver gennemgået, så:

            - det vigtigste står øverst: hvad er besluttet, og hvad skal jeg gøre
            - fristen står med fed
            - paragrafferne kommer til sidst
            - der står et direkte telefonnummer til den, der har skrevet brevet

            Borgere kunne blive inviteret til at læse de nye breve, før de bliver sendt ud.
            """,
        story=(Submit(55), Approve(50), Acknowledge(48)),
    ),
    DemoProposal(
        author="jonas.berg",
        themes=("moedet-med-borgeren",),
        title="En borgerrådgiver for dem, der falder mellem to stole",
        summary="""
            Ansæt en uafhængig borgerrådgiver, som man kan gå til, når man ikke kan finde ud
            af, hvem der har ansvaret for ens sag.
            """,
        body="""
            Når en sag går på tværs af flere afdelinger, kan det være svært at vide, hvem man
            skal spørge. Man bliver sendt rundt, og ingen har overblikket.

            Flere kommuner har en borgerrådgiver, der er uafhængig af forvaltningerne og kan
            hjælpe borgeren med at finde vej, forklare en afgørelse og gribe ind, hvis
            sagsbehandlingen går i stå.

            Borgerrådgiveren bør hvert år skrive en beretning til byrådet om, hvad der går godt
            og skidt i mødet med borgerne.
            """,
        story=(
            Submit(150),
            Approve(145),
            Acknowledge(143),
            Answer(
                125,
                Outcome.ACCEPTED,
                """
                Tak for forslaget. Byrådet har med budgettet besluttet at oprette en funktion som
                borgerrådgiver, der refererer direkte til byrådet.

                Stillingen bliver slået op inden for et par måneder. Borgerrådgiveren aflægger
                hvert år beretning til byrådet, og beretningen bliver offentliggjort her på siden.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="poul.erik.jensen",
        themes=("moedet-med-borgeren",),
        title="Kvittering med navn og forventet svartid",
        summary="""
            Når man skriver til kommunen, skal man få en kvittering med sagsbehandlerens navn
            og en dato for, hvornår man kan forvente svar.
            """,
        body="""
            Jeg søgte om et hjælpemiddel og hørte ingenting i fem uger. Da jeg ringede, vidste
            ingen, hvem der havde sagen.

            Det ville give meget mere ro, hvis man med det samme fik en kvittering med:

            - hvem der behandler sagen
            - hvornår man kan forvente svar
            - hvordan man kontakter sagsbehandleren direkte
            """,
        story=(Submit(15), Approve(12)),
    ),
    DemoProposal(
        author="sofie.lund",
        themes=("moedet-med-borgeren",),
        title="Tolk over video ved møder med kommunen",
        summary="""
            Gør det let at få en tolk over video, når borgere, der ikke taler dansk, skal til
            møde med kommunen.
            """,
        body="""
            Jeg arbejder frivilligt med nyankomne familier. Ved møderne på rådhuset bliver et barn
            eller en nabo ofte brugt som tolk, fordi det er svært at skaffe en professionel tolk
            med kort varsel.

            Videotolkning kan bestilles med få timers varsel og er billigere end en tolk, der
            møder op. Det burde være standard.

            *Mangler: eksempler fra andre kommuner og en idé om prisen.*
            """,
        story=(Draft(9),),
    ),
    DemoProposal(
        author="poul.erik.jensen",
        themes=("udvikling-og-laering", "borgervenlig-betjening"),
        title="Et borgerpanel, der tester nye selvbetjeningsløsninger",
        summary="""
            Inviter borgere i alle aldre til at afprøve nye digitale løsninger, før de bliver
            sat i drift.
            """,
        body="""
            Når en ny selvbetjeningsløsning kommer, opdager vi brugere ofte fejl og uklare
            tekster, som kunne være fanget på forhånd.

            Et fast testpanel med borgere i alle aldre – også nogle, der ikke er så vante med
            computere – kunne afprøve løsningerne og give medarbejderne en god fornemmelse af,
            hvordan borgerne faktisk bruger dem.
            """,
        story=(Draft(12),),
    ),
    DemoProposal(
        author="aisha.rahimi",
        themes=("udvikling-og-laering",),
        title="Praktik i kommunens administration for gymnasieelever",
        summary="""
            Giv gymnasieelever mulighed for en uges praktik i kommunens afdelinger, så de lærer
            den offentlige sektor at kende.
            """,
        body="""
            Mange unge ved ikke, hvad en kommune laver, og hvilke jobs der findes. En uges
            praktik kunne give dem lyst til en uddannelse, der fører til et job i den
            offentlige sektor.

            Kommunen får samtidig nye øjne på sine egne arbejdsgange.
            """,
        story=(
            Submit(45),
            Withdraw(
                44,
                "Jeg har fundet ud af, at det allerede kan lade sig gøre gennem gymnasiets "
                "studievejledning.",
            ),
        ),
    ),
)
