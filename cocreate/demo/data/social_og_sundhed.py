"""Demo proposals that start with Social og Sundhed: elderly, health and social psychiatry."""

from cocreate.demo.story import (
    Acknowledge,
    Answer,
    Approve,
    DemoProposal,
    Implement,
    Reject,
    RequestChanges,
    Submit,
    Transfer,
)
from cocreate.moderation.models import RejectionReason
from cocreate.proposals.models import Outcome

PROPOSALS = (
    DemoProposal(
        author="poul.erik.jensen",
        themes=("aktivt-og-sundt-aeldreliv", "den-netvaerksorienterede-by"),
        title="Motionsredskaber for seniorer langs søstien",
        summary="""
            Sæt enkle motionsredskaber og bænke op langs søstien, så ældre kan træne balance og
            styrke, mens de går deres daglige tur.
            """,
        body="""
            Jeg er 74 år og går tur ved søen hver dag med en gruppe fra pensionistforeningen. Vi
            vil gerne holde os i gang, men træningscentret er ikke for alle, og mange af os har
            ikke lyst til at træne indendørs.

            I andre kommuner har man sat enkle redskaber op udendørs: balancebomme,
            trædepedaler og håndtag til armbøjninger stående. Der skal også være bænke med
            armlæn, så man kan hvile sig og komme op igen.

            Vi tilbyder at holde en gåtur med instruktion en gang om ugen, hvis redskaberne
            kommer op.
            """,
        story=(
            Submit(170),
            Approve(168),
            Transfer(
                165,
                "teknik-og-miljo",
                "Udendørs inventar og stier hører under Teknik og Miljø, som sætter redskaberne "
                "op. Terapeuterne fra træningscentret bliver inddraget i valget af redskaber.",
            ),
            Acknowledge(160),
            Answer(
                130,
                Outcome.ACCEPTED,
                """
                Vi sætter fire redskaber og tre bænke med armlæn op på strækningen mellem
                badebroen og Bakkehuset. Terapeuterne fra træningscentret har hjulpet med at
                vælge redskaber, der passer til ældre med nedsat balance.

                Tak for tilbuddet om ugentlige gåture med instruktion – det samarbejder vi meget
                gerne med pensionistforeningen om.
                """,
            ),
            Implement(
                25,
                """
                Redskaberne og bænkene er sat op, og den første gåtur med instruktion havde 22
                deltagere. Skiltene ved redskaberne har QR-koder med korte træningsvideoer.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="mette.holm",
        themes=("aktivt-og-sundt-aeldreliv",),
        title="Spisefællesskaber på plejecentrene for hjemmeboende ældre",
        summary="""
            Åbn plejecentrenes caféer for ældre, der bor i eget hjem, så de kan spise varm mad i
            godt selskab et par gange om ugen.
            """,
        body="""
            Min mor på 86 bor alene og får mad bragt ud. Hun spiser for lidt, og hun siger selv,
            at maden ikke smager af noget, når man spiser alene.

            Køkkenet på plejecentret laver hver dag varm mad til beboerne, og der er ledige
            pladser i caféen. Jeg foreslår, at hjemmeboende ældre kan tilmelde sig og spise med
            til middag to eller tre dage om ugen til samme pris som den udbragte mad.

            Frivillige fra Ældre Sagen har sagt ja til at hjælpe med kørsel for dem, der ikke
            selv kan komme frem.
            """,
        story=(
            Submit(140),
            RequestChanges(
                138,
                "Tak for forslaget. Skriv gerne, hvordan de ældre skal komme frem og tilbage, så "
                "forvaltningen kan vurdere, hvem der kan være med.",
            ),
            Submit(133),
            Approve(131),
            Acknowledge(126),
            Answer(
                95,
                Outcome.ACCEPTED,
                """
                Tak for et forslag, som også kan være med til at forebygge underernæring og
                ensomhed.

                Fra næste måned kan hjemmeboende ældre spise med i caféerne på Solgården og Engbo
                tirsdag og torsdag. Prisen er den samme som for udbragt mad, og man tilmelder
                sig hos visitationen eller direkte i caféen. Vi aftaler en fast kørselsordning
                med Ældre Sagen.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="karim.haddad",
        themes=("det-naere-sundhedsvaesen",),
        title="Pårørende skal kunne ringe direkte til akutsygeplejen",
        summary="""
            Når en ældre bliver akut syg om aftenen, skal de pårørende kunne få fat i kommunens
            akutsygeplejersker uden at gå gennem lægevagten.
            """,
        body="""
            Min far fik en urinvejsinfektion en fredag aften og blev forvirret og urolig. Vi
            ringede til lægevagten, ventede i en time og endte med en indlæggelse, som han havde
            det meget dårligt med.

            Bagefter fik vi at vide, at kommunens akutsygeplejersker kunne være kommet hjem til
            ham og have taget prøverne. Men de kan kun tilkaldes af lægevagten eller
            hjemmeplejen.

            Jeg foreslår:

            - et direkte nummer til akutsygeplejen for pårørende til borgere, der allerede får
              hjemmesygepleje
            - at nummeret står i borgerens mappe fra hjemmeplejen
            - en kort vejledning i, hvornår man skal ringe til akutsygeplejen, og hvornår til 112
            """,
        story=(Submit(80), Approve(76), Acknowledge(70)),
    ),
    DemoProposal(
        author="mette.holm",
        themes=("det-naere-sundhedsvaesen",),
        title="Åbn skadestuen om natten igen",
        summary="""
            Det er uacceptabelt, at man skal køre 40 km til nærmeste skadestue om natten.
            Skadestuen skal have åbent hele døgnet.
            """,
        body="""
            Siden skadestuen fik kortere åbningstid, skal man om natten helt til
            regionshospitalet. Det er for langt, når man har et barn med høj feber eller en
            ældre, der er faldet.

            Kommunen må lægge pres på for at få døgnåbent igen.
            """,
        story=(
            Submit(100),
            Reject(
                98,
                RejectionReason.OUTSIDE_REMIT,
                "Skadestuerne drives af regionen og ikke af kommunen, så vi kan ikke behandle "
                "forslaget her. Du kan skrive til regionsrådet. Har du idéer til kommunens egne "
                "akuttilbud, er du meget velkommen til at stille et nyt forslag.",
            ),
        ),
    ),
    DemoProposal(
        author="karim.haddad",
        themes=("det-naere-sundhedsvaesen", "aktivt-og-sundt-aeldreliv"),
        title="Genoptræning over video, når det er svært at komme hjemmefra",
        summary="""
            Tilbyd genoptræning over video, så borgere med lang transport kan træne hjemme med
            en fysioterapeut på skærmen.
            """,
        body="""
            Efter min hofteoperation skulle jeg til genoptræning to gange om ugen. Med
            flextrafik tog hver tur næsten tre timer, og jeg var mere træt af transporten end af
            træningen.

            Mange af øvelserne kunne jeg sagtens have lavet hjemme, hvis en fysioterapeut havde
            set med og rettet mig. Andre kommuner har gode erfaringer med videotræning.

            Forslaget: gør videotræning til et valg, man kan træffe, når man bliver visiteret
            til genoptræning – enten i hele forløbet eller hver anden gang.
            """,
        story=(
            Submit(110),
            Approve(108),
            Acknowledge(104),
            Answer(
                85,
                Outcome.PARTIALLY_ACCEPTED,
                """
                Vi forventer at tilbyde videotræning som et forsøg for borgere, der genoptræner
                efter hofte- og knæoperationer. Efter for eksempel en blodprop i hjernen vurderer
                terapeuterne, at træningen fortsat skal foregå med fremmøde.

                Kommentér gerne, hvis du har erfaringer med videotræning – gode som dårlige.
                """,
                preliminary=True,
            ),
            Answer(
                62,
                Outcome.PARTIALLY_ACCEPTED,
                """
                Perioden for kommentarer til det foreløbige svar er slut, og her er vores
                endelige svar.

                Fra næste kvartal tilbyder vi videotræning som et etårigt forsøg for borgere,
                der genoptræner efter hofte- og knæoperationer. Træningscentret låner en tablet
                ud og kommer hjem og sætter den op første gang. Andre forløb foregår fortsat i
                træningscentret. Vi evaluerer forsøget, før vi beslutter, om det skal udvides.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="sofie.lund",
        themes=("helhed-i-socialpsykiatrien",),
        title="Åbent værested i weekenden",
        summary="""
            Værestedet for borgere med psykiske vanskeligheder har kun åbent på hverdage.
            Weekenderne er de sværeste for mange, og der bør være et sted at gå hen.
            """,
        body="""
            Jeg har selv en angstlidelse og kommer på værestedet i Nørregade. Det er et
            fantastisk sted, men det lukker fredag kl. 15 og åbner først igen mandag.

            For mange af os er weekenden den tid, hvor ensomheden og de dårlige tanker fylder
            mest. Der er ingen aftaler, familien har travlt, og man sidder alene i lejligheden.

            Mit forslag er, at værestedet holder åbent lørdag og søndag fra kl. 11 til 16. Det
            behøver ikke være med fuld bemanding – flere af os brugere vil gerne tage en tørn som
            frivillige sammen med en medarbejder.
            """,
        story=(
            Submit(130),
            Approve(127),
            Acknowledge(121),
            Answer(
                105,
                Outcome.PARTIALLY_ACCEPTED,
                """
                Tak, fordi du deler dine erfaringer. Vi ved fra brugerrådet, at mange har det
                sådan.

                Vi har ikke penge til at holde åbent begge weekenddage, men fra næste måned har
                værestedet åbent hver lørdag fra kl. 11 til 16. En medarbejder har vagten sammen
                med to frivillige fra brugergruppen, som får et kort kursus. Vi evaluerer
                ordningen efter et halvt år sammen med brugerrådet.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="aisha.rahimi",
        themes=("helhed-i-socialpsykiatrien", "moedet-med-borgeren"),
        title="Én fast kontaktperson, når man har sager i flere afdelinger",
        summary="""
            Borgere med psykiske vanskeligheder, der har sager i både jobcenter,
            socialpsykiatri og ydelseskontor, skal have én fast kontaktperson.
            """,
        body="""
            Min bror har skizofreni. Han har en sag i jobcentret, en bostøtte fra
            socialpsykiatrien og en sagsbehandler i ydelseskontoret. Alle er søde og
            hjælpsomme, men de ved ikke, hvad de andre gør, og han skal fortælle sin historie
            forfra hver gang.

            Det ender med, at han ikke møder op, og så bliver hans ydelse stoppet.

            Forslaget er, at borgere med sager i flere afdelinger får én koordinerende
            kontaktperson, som:

            1. kender hele forløbet
            2. indkalder til fælles møder i stedet for tre separate
            3. kan kontaktes direkte på telefon og sms
            """,
        story=(
            Submit(185),
            Approve(183),
            Acknowledge(181),
            Answer(
                165,
                Outcome.ACCEPTED,
                """
                Tak for et vigtigt forslag. Det er netop i den slags forløb, at borgeren
                risikerer at falde mellem to stole.

                Social og Sundhed og Beskæftigelse indfører koordinerende sagsbehandlere for
                borgere med sager i begge forvaltninger. Den koordinerende sagsbehandler holder
                én fælles plan og samler møderne. Vi begynder med borgere i socialpsykiatrien.
                """,
            ),
            Implement(
                70,
                """
                Ordningen med koordinerende sagsbehandlere er nu i drift. 48 borgere har fået en
                fast kontaktperson, og langt færre møder bliver aflyst.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="jonas.berg",
        themes=("helhed-i-socialpsykiatrien",),
        title="Recovery-kurser undervist af folk, der selv har været der",
        summary="""
            Lad borgere med egne erfaringer med psykisk sygdom undervise i recovery sammen med en
            fagperson.
            """,
        body="""
            Jeg var indlagt flere gange i 20'erne og har i dag job og familie. Det, der hjalp mig
            mest, var at møde andre, der var kommet igennem.

            Mit forslag er kurser i recovery, hvor en underviser med egne erfaringer og en
            medarbejder fra socialpsykiatrien underviser sammen. Et kursus kunne være otte gange
            to timer og handle om håb, om at kende de tidlige tegn og om at komme tilbage til
            uddannelse eller job.
            """,
        story=(
            Submit(20),
            RequestChanges(
                18,
                "Et godt forslag. Vil du uddybe, hvem kurserne er for, og om pårørende også kan "
                "deltage? Så er det lettere for forvaltningen at vurdere det.",
            ),
        ),
    ),
)
