"""Demo proposals that start with Teknik og Miljø, the owner of the city's theme."""

from cocreate.demo.story import (
    Acknowledge,
    Answer,
    Approve,
    DemoProposal,
    Implement,
    Reject,
    Submit,
)
from cocreate.moderation.models import RejectionReason
from cocreate.proposals.models import Outcome

PROPOSALS = (
    DemoProposal(
        author="mette.holm",
        organisation="engdal-skakklub",
        themes=("den-netvaerksorienterede-by", "samspil-med-borgeren"),
        title="Én fælles bookingkalender for kommunens lokaler",
        summary="""
            Gør det muligt for foreninger og borgergrupper at se og booke ledige lokaler på
            skoler, biblioteker og rådhuset ét sted på nettet.
            """,
        body="""
            Jeg sidder i bestyrelsen for en lille skakklub, og vi bruger hvert år mange timer
            på at finde et lokale. Skolerne står tomme om aftenen, og mødelokalerne på rådhuset
            er ledige efter kl. 16, men der findes ingen samlet oversigt over, hvad man kan låne.

            Mit forslag er en fælles bookingkalender, hvor alle de lokaler, kommunen vil låne
            ud, står med ledige tider, antal pladser og adgangsforhold. Foreningerne logger ind
            og booker direkte.

            Det vil give:

            - bedre udnyttelse af bygninger, vi allerede betaler for
            - mindre administration på skolerne, som i dag svarer på mails og telefonopkald
            - lettere adgang for nye foreninger, som ikke kender de rigtige personer
            """,
        story=(
            Submit(176),
            Approve(174),
            Acknowledge(170),
            Answer(
                150,
                Outcome.ACCEPTED,
                """
                Tak for et godt og konkret forslag. Det passer fint ind i arbejdet med *den
                delende by*, hvor vi vil have mere ud af de kvadratmeter, kommunen allerede har.

                Vi indfører en fælles bookingløsning inden for et halvt år. Først kommer skolernes
                faglokaler og idrætssale med, derefter bibliotekernes mødelokaler og rådhuset.
                Foreninger, der er godkendt efter folkeoplysningsloven, kan booke gratis.
                """,
            ),
            Implement(
                40,
                """
                Bookingkalenderen er nu i drift på kommunens hjemmeside med 64 lokaler fordelt
                på 11 adresser. Vi følger op på brugen efter et halvt år og tilføjer flere
                lokaler løbende.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="jonas.berg",
        themes=("den-netvaerksorienterede-by", "laering-og-uddannelse"),
        title="Sikker skolevej: cykelsti langs Kirkevej",
        summary="""
            Kirkevej er den vigtigste vej til Engdalsskolen, men på den sidste strækning er der
            hverken cykelsti eller fortov. Der bør laves cykelsti og en hævet flade ved skolen.
            """,
        body="""
            Hver morgen cykler omkring 200 børn ad Kirkevej til Engdalsskolen. Mellem
            rundkørslen og skolen er vejen smal, der er ingen cykelsti, og bilerne kører ofte
            hurtigere end de tilladte 50 km/t.

            Som forælder og medlem af skolebestyrelsen hører jeg jævnligt om nærved-ulykker.
            Mange forældre kører derfor deres børn i bil, og det gør trafikken endnu værre lige
            ved skolen.

            Vi foreslår:

            1. en enkeltrettet cykelsti i begge sider af Kirkevej fra rundkørslen til skolen
            2. en hævet flade ved skolens indgang
            3. 40 km/t i skoletiden

            Skolebestyrelsen hjælper gerne med en trafiktælling og en spørgeskemaundersøgelse
            blandt eleverne.
            """,
        story=(
            Submit(165),
            Approve(163),
            Acknowledge(158),
            Answer(
                120,
                Outcome.PARTIALLY_ACCEPTED,
                """
                Vi er enige i, at Kirkevej ikke er sikker nok som skolevej, og tak til
                skolebestyrelsen for tilbuddet om hjælp.

                Vi etablerer en hævet flade ved skolens indgang og skilter med 40 km/t i
                skoletiden allerede i år. En egentlig cykelsti på hele strækningen kræver, at vi
                køber jord af grundejerne, og det ligger uden for årets anlægsbudget. Projektet
                indgår derfor i prioriteringen af trafiksikkerhedsprojekter til næste budget.

                Trafiktællingen vil vi meget gerne samarbejde om. Vi kontakter skolebestyrelsen.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="karim.haddad",
        themes=("den-netvaerksorienterede-by",),
        title="Cykelsti på Kirkevej nu!",
        summary="Det er livsfarligt at cykle på Kirkevej. Lav en cykelsti, før der sker noget.",
        body="""
            Jeg cykler selv på Kirkevej hver dag, og bilerne kører alt for tæt på.

            Der mangler en cykelsti, og det haster.
            """,
        story=(
            Submit(160),
            Reject(
                159,
                RejectionReason.DUPLICATE,
                "Der er allerede et forslag om en cykelsti langs Kirkevej, og det er sendt til "
                "Teknik og Miljø. Støt gerne det forslag og fortæl om dine erfaringer i "
                "kommentarerne.",
            ),
        ),
    ),
    DemoProposal(
        author="karim.haddad",
        themes=("den-netvaerksorienterede-by",),
        title="Ladestandere til elbiler ved idrætshallen",
        summary="""
            Der er ingen offentlige ladestandere i den nordlige del af byen. Parkeringspladsen
            ved idrætshallen er oplagt, fordi bilerne alligevel holder der i et par timer.
            """,
        body="""
            Flere i vores boligområde har fået elbil, men de fleste bor i lejlighed uden egen
            p-plads og kan ikke lade derhjemme. Den nærmeste offentlige lader står ved
            stationen, og der er ofte kø.

            Parkeringspladsen ved idrætshallen bruges mest om aftenen og i weekenden, mens folk
            træner eller ser kamp. Det er præcis de tidspunkter, hvor beboerne har brug for at
            lade.

            Kommunen behøver ikke selv at betale. Flere ladeoperatører sætter standere op og
            driver dem mod at få lov at bruge pladsen. Jeg foreslår, at kommunen sender pladsen
            i udbud.
            """,
        story=(Submit(28), Approve(24)),
    ),
    DemoProposal(
        author="sofie.lund",
        themes=("den-netvaerksorienterede-by", "samspil-med-borgeren"),
        title="Et værktøjsbibliotek på genbrugspladsen",
        summary="""
            Lad borgerne låne boremaskiner, stiger, trillebøre og haveredskaber i stedet for,
            at alle skal købe deres eget.
            """,
        body="""
            De fleste boremaskiner bruges kun nogle få minutter i hele deres levetid. Alligevel
            har næsten alle husstande en, og mange ender på genbrugspladsen, mens de stadig
            virker.

            Jeg foreslår et værktøjsbibliotek i den gamle materielbygning på genbrugspladsen:

            - borgerne afleverer værktøj, de ikke længere bruger
            - alle med sundhedskort kan låne gratis i op til en uge
            - frivillige fra en lokal forening står for udlånet to eftermiddage om ugen

            Det sparer penge for den enkelte, mindsker affaldsmængden og viser, at byens
            ressourcer kan deles.
            """,
        story=(
            Submit(120),
            Approve(117),
            Answer(
                80,
                Outcome.ACCEPTED,
                """
                Tak for forslaget. Vi har talt med Genbrugsforeningen, som gerne vil stå for
                udlånet, og der er plads i den gamle materielbygning.

                Teknik og Miljø sætter bygningen i stand og køber hylder og et enkelt
                udlånssystem. Vi forventer at åbne værktøjsbiblioteket om et par måneder og
                annoncerer datoen her og på genbrugspladsen.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="aisha.rahimi",
        organisation="beboerforeningen-torvegade",
        themes=("den-netvaerksorienterede-by",),
        title="Regnbede i stedet for større kloakrør på Torvegade",
        summary="""
            Når Torvegade alligevel skal graves op, bør regnvandet håndteres i grønne regnbede,
            som også gør gaden pænere.
            """,
        body="""
            Ved skybruddet i august stod vandet 20 cm højt i kældrene på Torvegade. Jeg har
            forstået, at kloakken skal udvides næste år.

            Mange andre byer bruger i stedet regnbede: forsænkede plantebede langs fortovet,
            hvor regnvandet ledes ned og langsomt siver ud. De aflaster kloakken, giver plads
            til insekter og gør gaden grønnere og køligere om sommeren.

            Beboerforeningen vil gerne være med til at vælge planter og passe bedene det første
            år, indtil de er etableret.
            """,
        story=(Submit(38), Approve(35), Acknowledge(30)),
    ),
    DemoProposal(
        author="poul.erik.jensen",
        themes=("den-netvaerksorienterede-by",),
        title="Gratis parkering i midtbyen om lørdagen",
        summary="""
            Butikkerne i midtbyen mister kunder til storcentret, hvor parkeringen er gratis.
            Gør parkeringen gratis om lørdagen for at styrke handelslivet.
            """,
        body="""
            Hver gang en butik i Torvegade lukker, bliver byen lidt mere død. Storcentret uden
            for byen har 1.200 gratis parkeringspladser, mens man i midtbyen betaler 18 kr. i
            timen.

            Jeg foreslår en forsøgsordning, hvor det i et år er gratis at parkere i midtbyen om
            lørdagen. Bagefter kan man se, om det har givet flere kunder.
            """,
        story=(
            Submit(150),
            Approve(148),
            Acknowledge(140),
            Answer(
                110,
                Outcome.DECLINED,
                """
                Tak for forslaget og for engagementet i midtbyens handelsliv.

                Byrådet har netop vedtaget en parkeringsstrategi, hvor indtægterne blandt andet
                betaler for vedligeholdelsen af pladserne. Gratis parkering om lørdagen vil koste
                omkring 1,4 mio. kr. om året, og erfaringer fra andre kommuner viser, at de
                centrale pladser så bliver optaget af de samme biler hele dagen.

                Vi afslår derfor forslaget. Sammen med handelsstandsforeningen undersøger vi i
                stedet, om første time kan blive gratis i parkeringshuset ved Stationspladsen,
                hvor der er mange ledige pladser om lørdagen.
                """,
            ),
        ),
    ),
)
