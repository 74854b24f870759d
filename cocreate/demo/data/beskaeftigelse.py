"""Demo proposals that start with Beskæftigelse: jobs, internships and a wider labour market."""

from cocreate.demo.story import (
    Acknowledge,
    Answer,
    Approve,
    DemoProposal,
    Submit,
    Transfer,
)
from cocreate.proposals.models import Outcome

PROPOSALS = (
    DemoProposal(
        author="karim.haddad",
        organisation="haddad-vvs",
        themes=("aktiv-beskaeftigelse",),
        title="En praktikpladsbørs for lokale virksomheder",
        summary="""
            Saml alle praktik- og løntilskudspladser hos lokale virksomheder på én side, så
            ledige og unge selv kan finde og søge dem.
            """,
        body="""
            Jeg driver et lille VVS-firma med otte ansatte. Vi vil gerne tage en praktikant
            eller en ledig i løntilskud, men jeg ved aldrig helt, hvem jeg skal ringe til i
            jobcentret, og det tager tid at få styr på papirerne.

            Samtidig hører jeg fra unge, at de ikke ved, hvilke virksomheder der overhovedet
            tager praktikanter.

            Mit forslag er en praktikpladsbørs på kommunens hjemmeside, hvor virksomhederne
            selv opretter pladser, og hvor ledige og unge kan se dem og søge direkte. Jobcentret
            skal stadig godkende aftalerne, men kontakten kan begynde uden mellemled.
            """,
        story=(
            Submit(100),
            Approve(98),
            Acknowledge(95),
            Answer(
                75,
                Outcome.ACCEPTED,
                """
                Tak for forslaget. Samarbejdet med virksomhederne er et af vores vigtigste
                indsatsområder, og vi hører ofte, at det skal være nemmere.

                Vi opretter en praktikpladsbørs på jobcentrets side inden for tre måneder.
                Virksomhederne får én fast indgang i virksomhedsservice, og vores mål er, at en
                praktikaftale er på plads senest fem arbejdsdage efter, at virksomheden og
                borgeren har fundet hinanden.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="poul.erik.jensen",
        themes=("aktiv-beskaeftigelse", "samspil-med-borgeren"),
        title="Seniormentorer for unge ledige",
        summary="""
            Pensionister med lang erfaring fra arbejdslivet kan være mentorer for unge, der har
            svært ved at komme i job eller uddannelse.
            """,
        body="""
            Jeg har været værkfører i 35 år og har lært mange lærlinge op. Nu er jeg gået på
            pension og har tid til overs.

            Mange unge ledige har brug for en voksen, der ikke er sagsbehandler, og som kan
            hjælpe med det praktiske: skrive en ansøgning, øve en jobsamtale eller tage med den
            første dag på arbejdspladsen.

            Forslaget er en mentorordning, hvor jobcentret matcher unge med frivillige
            seniormentorer, og hvor mentorerne får et kort kursus og kan mødes og udveksle
            erfaringer.
            """,
        story=(
            Submit(115),
            Approve(112),
            Acknowledge(110),
            Answer(
                88,
                Outcome.PARTIALLY_ACCEPTED,
                """
                Tak for tilbuddet og for forslaget. Vi har gode erfaringer med mentorer og vil
                gerne have flere frivillige med.

                Vi kan ikke oprette en selvstændig mentorordning med eget kursus i år, men
                sammen med Frivilligcentret kobler vi frivillige seniorer på jobcentrets
                eksisterende mentorkorps. Mentorerne bliver inviteret til to temaaftener om året.
                Kontakt gerne Frivilligcentret, hvis du vil være med.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="aisha.rahimi",
        themes=("aktiv-beskaeftigelse",),
        title="Jobcafé i lokalcentret hver torsdag",
        summary="""
            En uformel jobcafé i lokalcentret, hvor ledige kan få hjælp til ansøgninger og CV
            uden at skulle ind på jobcentret.
            """,
        body="""
            For mange ledige er det en stor barriere at gå ind på jobcentret. Man føler sig
            kontrolleret, selvom medarbejderne gør deres bedste.

            I vores lokalcenter er der kaffe, aviser og computere. Hvis en jobkonsulent sad der
            hver torsdag eftermiddag, kunne man få hjælp til CV og ansøgninger i trygge rammer –
            og måske møde andre i samme situation.
            """,
        story=(Submit(4), Approve(2)),
    ),
    DemoProposal(
        author="jonas.berg",
        themes=("aktiv-beskaeftigelse", "den-netvaerksorienterede-by"),
        title="Fleksjobbere som parkværter i de bynære parker",
        summary="""
            Ansæt borgere i fleksjob som parkværter, der holder øje med legepladserne, samler
            affald og hjælper de besøgende.
            """,
        body="""
            Parkerne bliver brugt mere end nogensinde, men skraldespandene er ofte fyldte, og
            ødelagte ting på legepladserne bliver ikke meldt.

            Samtidig venter mange borgere på et fleksjob. En parkvært kunne arbejde 10–15 timer
            om ugen, tilpasset den enkeltes skånehensyn, og være et venligt ansigt i parken.

            Opgaverne kunne være:

            - at tømme skraldespande og samle affald
            - at melde skader på legepladser og bænke
            - at hjælpe og vejlede de besøgende
            """,
        story=(
            Submit(60),
            Approve(57),
            Acknowledge(54),
            Transfer(
                20,
                "teknik-og-miljo",
                "Parkerne drives af Park og Vej i Teknik og Miljø, som skal oprette og lede "
                "stillingerne. Jobcentret hjælper med at finde kandidater, når stillingerne er "
                "på plads.",
            ),
        ),
    ),
)
