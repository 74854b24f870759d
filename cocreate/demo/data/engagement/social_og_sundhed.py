"""What others did with the proposals that start with Social og Sundhed."""

from cocreate.demo.cocreation import Comment, Follow, OfficialReply, Reply, Support

ENGAGEMENT = {
    "Én fast kontaktperson, når man har sager i flere afdelinger": (
        Support(182, 6),
        Comment(
            180,
            "fatima.ali",
            "Jeg er sygeplejerske og ser det samme hos mange af de borgere, jeg kommer hos: tre "
            "planer, der ikke hænger sammen. En fast koordinator ville gøre en stor forskel.",
        ),
        Comment(
            179,
            "poul.erik.jensen",
            "Det gælder ikke kun psykiatrien. Da min kone var syg, havde vi fem forskellige at "
            "ringe til.",
        ),
        Reply(
            178,
            "aisha.rahimi",
            "Helt enig. Jeg skrev psykiatrien, fordi det er dér, det oftest går galt, men "
            "ordningen bør kunne udvides.",
            to="poul.erik.jensen",
        ),
        Support(175, 5),
        Comment(
            65,
            "aisha.rahimi",
            "Min bror har nu haft den samme koordinator i et halvt år, og han er ikke gået glip "
            "af et eneste møde. Tak!",
        ),
    ),
    "Motionsredskaber for seniorer langs søstien": (
        Comment(
            167,
            "birthe.nielsen",
            "Husk bænke med armlæn, så man kan komme op igen. Det er der mange, der glemmer.",
        ),
        Reply(
            166,
            "poul.erik.jensen",
            "Det står heldigvis i forslaget, Birthe. Vi ses ved søen!",
            to="birthe.nielsen",
        ),
        Support(163, 5),
        Support(150, 3),
        Comment(
            20,
            "fatima.ali",
            "Var forbi i weekenden. Flot gjort, og QR-koderne med træningsvideoer er en god idé.",
        ),
    ),
    "Spisefællesskaber på plejecentrene for hjemmeboende ældre": (
        Support(130, 5),
        Comment(
            129,
            "birthe.nielsen",
            "Jeg vil gerne spise med på Solgården. Må jeg tage min nabo med, selvom hun ikke får "
            "mad bragt ud?",
        ),
        OfficialReply(
            124,
            to="birthe.nielsen",
            body="Tak for spørgsmålet, Birthe. Vi undersøger, om caféerne kan åbnes for alle over "
            "65, og svarer på det, når vi giver vores svar på forslaget.",
        ),
        Support(120, 3),
    ),
    "Pårørende skal kunne ringe direkte til akutsygeplejen": (
        Support(75, 4),
        Comment(
            74,
            "fatima.ali",
            "Jeg arbejder selv i akutteamet. Vi vil meget gerne kaldes ud tidligere – mange "
            "indlæggelser kunne undgås, hvis vi kom fredag aften i stedet for lørdag morgen.",
        ),
        Comment(
            66,
            "birthe.nielsen",
            "Min mand får hjemmesygepleje. Det ville give mig stor tryghed at have et nummer, "
            "jeg kan ringe til om aftenen.",
        ),
        Follow(64, ("birthe.nielsen", "julie.andersen")),
        OfficialReply(
            60,
            to="birthe.nielsen",
            body="Tak for de mange kommentarer. Vi taler med lægevagten om, hvordan et direkte "
            "nummer kan spille sammen med deres visitation, og vender tilbage, så snart vi har "
            "et svar.",
        ),
        Support(58, 3),
        Support(30, 2),
    ),
    "Genoptræning over video, når det er svært at komme hjemmefra": (
        Support(107, 3),
        Comment(
            106,
            "birthe.nielsen",
            "Jeg ville være bange for ikke at kunne få det til at virke. Hvem hjælper med "
            "teknikken?",
        ),
        Reply(
            105,
            "karim.haddad",
            "Godt spørgsmål. I andre kommuner kommer en terapeut hjem og sætter det op første "
            "gang.",
            to="birthe.nielsen",
        ),
        Support(100, 2),
    ),
    "Åbent værested i weekenden": (
        Support(126, 3),
        Comment(
            125,
            "fatima.ali",
            "Weekenden er ofte dér, hvor vi i akutteamet får flest henvendelser. Et åbent sted "
            "om lørdagen kan forebygge meget.",
        ),
        Reply(
            123,
            "sofie.lund",
            "Tak, Fatima. Det er præcis sådan, vi brugere oplever det.",
            to="fatima.ali",
        ),
    ),
}
