"""What others did with the proposals that start with Børn og Kultur."""

from cocreate.demo.cocreation import Accept, Comment, Invite, OfficialReply, Reply, Support

ENGAGEMENT = {
    "Lektiecafé på biblioteket med frivillige studerende": (
        Support(179, 4),
        Comment(
            178,
            "emil.sorensen",
            "Jeg læser matematik og vil gerne være med som frivillig. Hvordan melder man sig?",
        ),
        Reply(
            177,
            "aisha.rahimi",
            "Hvor dejligt! Jeg skriver her på siden, så snart vi har en dato for "
            "introduktionsmødet.",
            to="emil.sorensen",
        ),
        Support(170, 2),
        Comment(
            100,
            "julie.andersen",
            "Min søn i 8. klasse kommer der hver mandag og er gået fra 4 til 7 i matematik. "
            "Tusind tak til de frivillige!",
        ),
    ),
    "Fast udeskoledag i skoven for indskolingen": (
        Invite(32, "line.bak"),
        Accept(31, "line.bak"),
        Support(29, 4),
        Comment(
            28,
            "julie.andersen",
            "Mine tvillinger i 1. klasse elsker de dage, hvor klassen er i skoven. Det ville "
            "være dejligt, hvis det blev fast.",
        ),
        # The preliminary answer came six days ago: these are shown with it.
        Comment(
            5,
            "line.bak",
            "Hver anden uge er en god begyndelse. Men vi lærere har brug for fælles tid til at "
            "planlægge, ellers bliver det igen op til de få ildsjæle.",
        ),
        Support(4, 2),
        OfficialReply(
            3,
            to="line.bak",
            body="Tak, Line. Planlægningstiden tager vi med i det endelige svar. Vi regner med "
            "to fælles planlægningsdage om året for lærerne i indskolingen.",
        ),
        Comment(
            2,
            "niels.kjaer",
            "Husk regntøj til de børn, der ikke har det. Det må ikke ende som "
            "forældrebetaling ad bagvejen.",
        ),
        Reply(
            1,
            "jonas.berg",
            "Enig. Skolebestyrelsen foreslår et fælles lager af regntøj og gummistøvler på "
            "hver skole.",
            to="niels.kjaer",
        ),
    ),
    "Mobilfri skoledag på alle kommunens skoler": (
        Support(132, 3),
        Comment(
            131,
            "line.bak",
            "Vi har haft mobilfri skoletid på Engdalsskolen i et år. Der er kommet meget mere "
            "leg i frikvartererne, og det var forældrene, der bad om det.",
        ),
        Comment(
            127,
            "emil.sorensen",
            "Jeg forstår tanken, men nogle elever bruger telefonen som hjælpemiddel, for "
            "eksempel til oplæsning, når de er ordblinde. Det skal der være plads til.",
        ),
        Support(120, 2),
    ),
    "En frivilligbørs, hvor foreninger og borgere finder hinanden": (
        Comment(
            4,
            "jonas.berg",
            "Skakklubben mangler tit hjælpere til vores ungdomsturnering. Vi slår gerne opgaver "
            "op fra første dag.",
            organisation="engdal-skakklub",
        ),
        Support(3, 2),
        Comment(
            2,
            "julie.andersen",
            "Kan man også melde sig som familie? Vi vil gerne give en hånd sammen med børnene.",
        ),
    ),
}
