"""What others did with the proposals that start with Beskæftigelse."""

from cocreate.demo.cocreation import Comment, Reply, Support

ENGAGEMENT = {
    "En praktikpladsbørs for lokale virksomheder": (
        Support(97, 2),
        Comment(
            92,
            "poul.erik.jensen",
            "Rigtig god idé. Små virksomheder har ikke tid til at ringe rundt for at finde den "
            "rette i jobcentret.",
        ),
        Comment(
            90,
            "emil.sorensen",
            "Jeg søgte praktik sidste år og fik kun svar fra to af tyve virksomheder. En samlet "
            "oversigt ville have sparet mig mange timer.",
        ),
        Support(85, 1),
    ),
    "Seniormentorer for unge ledige": (
        Comment(
            105,
            "karim.haddad",
            "Vi tager gerne en ung i praktik, hvis en seniormentor er med de første uger. Det "
            "gør det meget lettere for en lille virksomhed.",
            organisation="haddad-vvs",
        ),
        Reply(
            104,
            "poul.erik.jensen",
            "Tak, Karim. Så har vi allerede den første praktikplads!",
            to="karim.haddad",
        ),
        Support(102, 2),
    ),
    "Fleksjobbere som parkværter i de bynære parker": (
        Support(52, 2),
        Comment(
            50,
            "ole.madsen",
            "Endelig et forslag, der giver mening. Skraldespandene i Byparken flyder hver søndag.",
        ),
        Comment(
            45,
            "aisha.rahimi",
            "Det vigtigste er, at det bliver rigtige job med kolleger – ikke en ordning, hvor "
            "man går alene rundt i parken.",
        ),
    ),
}
