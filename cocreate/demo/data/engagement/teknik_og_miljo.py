"""What others did with the proposals that start with Teknik og Miljø."""

from cocreate.demo.cocreation import (
    Accept,
    Comment,
    DeclareConflict,
    Follow,
    Invite,
    OfficialReply,
    Reply,
    RequestPanel,
    Review,
    Support,
)
from cocreate.panel.models import Recommendation

ENGAGEMENT = {
    "Én fælles bookingkalender for kommunens lokaler": (
        Support(173, 5),
        Comment(
            172,
            "niels.kjaer",
            "Vi har præcis det samme problem i spejderne. Skriv gerne i kalenderen, om der er "
            "adgang for kørestol – det bliver vi altid spurgt om.",
        ),
        Comment(
            168,
            "karim.haddad",
            "Husk nøglerne. Det hjælper ikke meget at kunne booke en idrætssal, hvis man stadig "
            "skal hente nøglen på rådhuset i åbningstiden.",
        ),
        OfficialReply(
            165,
            to="karim.haddad",
            body="Godt input. Vi undersøger elektroniske låse på skolernes idrætssale, så en "
            "booking også giver adgang med en kode.",
        ),
        Support(160, 4),
        Comment(
            30,
            "emil.sorensen",
            "Skakklubben har nu fast lokale på biblioteket hver tirsdag, booket i kalenderen. "
            "Det fungerer rigtig godt.",
            organisation="engdal-skakklub",
        ),
    ),
    "Sikker skolevej: cykelsti langs Kirkevej": (
        Invite(162, "niels.kjaer"),
        Accept(161, "niels.kjaer"),
        Support(160, 6),
        Comment(
            159,
            "line.bak",
            "Som lærer på Engdalsskolen ser jeg hver morgen børn, der må cykle ud på kørebanen, "
            "fordi der ikke er plads. Jeg støtter forslaget fuldt ud.",
        ),
        RequestPanel(157, due_in_days=21),
        Comment(
            155,
            "julie.andersen",
            "Vi bor ved rundkørslen, og jeg tør ikke lade min søn på ti cykle alene. Bare den "
            "hævede flade ville hjælpe meget.",
        ),
        Support(154, 4),
        Comment(
            152,
            "poul.erik.jensen",
            "Kan man ikke begynde med 40 km/t og fartkontrol? Det er billigere end en cykelsti "
            "og kan laves med det samme.",
        ),
        Reply(
            151,
            "jonas.berg",
            "Jo, det er et godt første skridt. Men bilerne kører allerede for stærkt med 50, og "
            "uden cykelsti bliver det aldrig rigtig trygt.",
            to="poul.erik.jensen",
        ),
        Review(
            150,
            "panel",
            (5, 3, 4, 5),
            Recommendation.RECOMMEND_WITH_CHANGES,
            "Vigtigt for børnenes sikkerhed, og skolebestyrelsen står klar til at hjælpe. En "
            "cykelsti på hele strækningen kræver jordkøb, så begynd med den hævede flade og "
            "lavere fart, og planlæg cykelstien i etaper.",
        ),
        OfficialReply(
            148,
            to="julie.andersen",
            body="Tak for alle kommentarerne. Vi tæller trafikken på Kirkevej i næste uge sammen "
            "med skolebestyrelsen og bruger resultatet i vores svar.",
        ),
        Review(
            146,
            "panel2",
            (5, 4, 5, 5),
            Recommendation.RECOMMEND,
            "Forældre, skole og kommune kan løse det her sammen, og den fælles trafiktælling er "
            "et godt eksempel på samskabelse. Passer lige ind i den netværksorienterede by.",
        ),
        Support(145, 2),
        Review(
            140,
            "panel3",
            (4, 2, 3, 4),
            Recommendation.RECOMMEND_WITH_CHANGES,
            "Behovet er klart, men cykelsti i begge sider er en stor anlægsudgift. Anbefales i "
            "en mindre udgave: hævet flade, 40 km/t og en sikker krydsning ved skolen.",
        ),
        Comment(
            110,
            "niels.kjaer",
            "Den hævede flade er lavet, og det kan mærkes om morgenen. Vi håber, at cykelstien "
            "kommer med i næste budget.",
        ),
    ),
    "Ladestandere til elbiler ved idrætshallen": (
        Support(23, 2),
        RequestPanel(21, due_in_days=45),
        DeclareConflict(
            19,
            "panel3",
            "Jeg er medejer af Engdal El & Energi, som installerer ladestandere og vil byde på "
            "opgaven, hvis pladsen kommer i udbud.",
        ),
        Follow(18, ("niels.kjaer",)),
        Comment(
            17,
            "jonas.berg",
            "Når der er kamp om lørdagen, er parkeringspladsen fuld i forvejen. Hvor skal "
            "tilskuerne så holde?",
        ),
        Reply(
            15,
            "karim.haddad",
            "Forslaget er at reservere 6–8 pladser i den ene ende. Det er under ti procent af "
            "pladsen, og mange af bilerne vil jo netop være dem, der lader.",
            to="jonas.berg",
        ),
        Support(12, 1),
        Review(
            10,
            "panel",
            (2, 4, 2, 3),
            Recommendation.NOT_RECOMMENDED,
            "Fint, at det ikke koster kommunen noget, men pladsen er fyldt ved kampe og "
            "arrangementer. Ladestandere hører bedre hjemme ved stationen og i boligområderne, "
            "hvor bilerne holder om natten.",
        ),
        Comment(
            7,
            "morten.vinther",
            "Vi har sat ladestandere op ved to idrætshaller i nabokommunen. Det kan sagtens "
            "laves uden kommunale midler, hvis aftalen løber over mindst ti år.",
            organisation="engdal-el",
        ),
    ),
    "Et værktøjsbibliotek på genbrugspladsen": (
        Support(116, 4),
        Comment(
            115,
            "poul.erik.jensen",
            "Efter 35 år som værkfører har jeg en hel garage fuld af værktøj. Jeg afleverer "
            "gerne det meste.",
        ),
        Comment(
            112,
            "julie.andersen",
            "Kunne man også låne ting til børnefødselsdage, for eksempel et partytelt og "
            "klapborde?",
        ),
        Reply(
            111,
            "sofie.lund",
            "God idé! Jeg tager det med, når vi taler med Genbrugsforeningen.",
            to="julie.andersen",
        ),
        Support(100, 2),
    ),
    "Regnbede i stedet for større kloakrør på Torvegade": (
        Support(34, 3),
        Comment(
            33,
            "julie.andersen",
            "Vi har haft vand i kælderen to gange på tre år. Alt, der kan aflaste kloakken, er "
            "velkomment – og bedene vil gøre gaden meget pænere.",
        ),
        Follow(31, ("julie.andersen", "ole.madsen")),
        RequestPanel(27, due_in_days=35),
        Comment(
            25,
            "niels.kjaer",
            "Hvem passer bedene, når det første år er gået? Det er ofte dér, grønne projekter "
            "går i stå.",
        ),
        Reply(
            24,
            "aisha.rahimi",
            "Beboerforeningen holder to arbejdsdage om året, og 30 beboere har allerede meldt "
            "sig. Vi håber, at kommunen tager den store oprensning hvert forår.",
            organisation="beboerforeningen-torvegade",
            to="niels.kjaer",
        ),
        Support(22, 2),
        Review(
            20,
            "panel3",
            (4, 3, 5, 5),
            Recommendation.RECOMMEND_WITH_CHANGES,
            "Klimatilpasning, der også giver en grønnere gade, og en beboerforening, der vil "
            "tage ansvar. Undersøg jordbunden, før bedene tegnes færdige, og aftal "
            "vedligeholdelsen skriftligt.",
        ),
        Review(
            16,
            "panel2",
            (4, 4, 5, 5),
            Recommendation.RECOMMEND,
            "Et godt eksempel på samskabelse: beboerne er med fra valget af planter til "
            "pasningen. Kan vise, hvordan andre gader kan gøre det samme.",
        ),
    ),
    "Gratis parkering i midtbyen om lørdagen": (
        Comment(
            146,
            "karim.haddad",
            "Som erhvervsdrivende kan jeg kun være enig. Kunderne siger det direkte: de kører "
            "til storcentret, fordi det er nemmere at parkere.",
        ),
        Support(145, 2),
        Comment(
            144,
            "sofie.lund",
            "Jeg er uenig. Gratis parkering giver bare flere biler i en midtby, der i forvejen "
            "er fyldt. Brug hellere pengene på flere busser om lørdagen.",
        ),
        Reply(
            143,
            "poul.erik.jensen",
            "Det kan man godt mene, men bussen kører kun én gang i timen om lørdagen. For mange "
            "ældre er det ikke et reelt alternativ.",
            to="sofie.lund",
        ),
        Support(135, 2),
    ),
}
