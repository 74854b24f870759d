"""What others did with the proposals that start with Staben."""

from cocreate.demo.cocreation import (
    Comment,
    Flag,
    Invite,
    OfficialReply,
    Reply,
    RequestPanel,
    Review,
    Support,
)
from cocreate.panel.models import Recommendation
from cocreate.proposals.models import FlagReason

ENGAGEMENT = {
    "Digital hjælp til seniorer på biblioteket": (
        Comment(
            171,
            "birthe.nielsen",
            "Det ville hjælpe mig meget. Jeg er bange for at trykke forkert i Digital Post og "
            "venter altid, til min datter kommer på besøg.",
        ),
        Support(170, 4),
        Support(165, 3),
        Comment(
            100,
            "birthe.nielsen",
            "Jeg har været der tre gange nu. Meget tålmodige hjælpere – tak for det.",
        ),
    ),
    "Åbent i Borgerservice til kl. 19 om torsdagen": (
        Support(92, 3),
        Comment(
            88,
            "niels.kjaer",
            "Ja tak. Jeg pendler til Odense og har måttet tage fri to gange for at få nye pas "
            "til børnene.",
        ),
        OfficialReply(
            85,
            to="niels.kjaer",
            body="Tak for kommentaren. Vi ser på, hvordan den sene åbning bliver brugt i dag, og "
            "om der er andre måder at gøre det lettere for dem, der pendler.",
        ),
        Support(80, 1),
    ),
    "Breve fra kommunen på klart og enkelt dansk": (
        Comment(
            49,
            "birthe.nielsen",
            "Tak for det her forslag. Jeg forstår tit ikke, hvad der står, og tør ikke ringe og "
            "spørge.",
        ),
        Support(47, 4),
        # The panel is asked for a review that two of its members have not given in time.
        RequestPanel(45, due_in_days=21, by_moderator=True),
        Comment(
            44,
            "aisha.rahimi",
            "Tænk også på borgere med et andet modersmål end dansk. Korte sætninger hjælper alle.",
        ),
        OfficialReply(
            40,
            to="aisha.rahimi",
            body="Tak for input. Vi er i gang med at skrive de 20 mest brugte breve om og vil "
            "gerne have borgere til at læse dem igennem, før de bliver sendt ud. Skriv her, hvis "
            "du vil være med.",
        ),
        Review(
            38,
            "panel2",
            (5, 5, 4, 4),
            Recommendation.RECOMMEND,
            "Billigt, hurtigt at gå i gang med, og alle borgere vil mærke det. Brug gerne "
            "borgere som testlæsere, sådan som forslaget lægger op til.",
        ),
        Reply(36, "sofie.lund", "Jeg melder mig gerne som testlæser.", to="aisha.rahimi"),
        Support(30, 3),
    ),
    "En borgerrådgiver for dem, der falder mellem to stole": (
        Comment(
            144,
            "aisha.rahimi",
            "Det hænger godt sammen med forslaget om én fast kontaktperson. En borgerrådgiver "
            "kan fange dem, der stadig falder igennem.",
        ),
        Support(142, 6),
        Comment(
            140,
            "ole.madsen",
            "Godt forslag. Jeg har selv ventet et halvt år på svar i en klagesag uden at vide, "
            "hvem jeg skulle kontakte.",
        ),
        Support(135, 4),
    ),
    "Kvittering med navn og forventet svartid": (
        Comment(
            11,
            "birthe.nielsen",
            "Meget enig. Det værste er ikke ventetiden, men ikke at vide, hvem man skal spørge.",
        ),
        Support(10, 1),
        Comment(
            8,
            "sofie.lund",
            "Samme oplevelse her. En automatisk kvittering med en forventet svardato ville gøre "
            "det meget lettere at planlægge.",
        ),
        # Reported by three readers, hidden, and waiting in the moderators' flag queue.
        Comment(
            3,
            "ole.madsen",
            "Jeg kan godt sige, hvem der er problemet: sagsbehandler Birgit Hansen i "
            "ydelseskontoret. Hun har haft min sag i to måneder uden at røre den og er "
            "fuldstændig inkompetent. Skriv til hende og klag, allesammen.",
        ),
        Flag(
            2,
            "ole.madsen",
            (
                ("mette.holm", FlagReason.PERSONAL_DATA),
                ("julie.andersen", FlagReason.OFFENSIVE),
                ("emil.sorensen", FlagReason.PERSONAL_DATA),
            ),
        ),
    ),
    # A draft: the invitation waits for an answer.
    "Et borgerpanel, der tester nye selvbetjeningsløsninger": (Invite(10, "birthe.nielsen"),),
}
