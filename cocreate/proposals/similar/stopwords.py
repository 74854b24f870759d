"""Words that say nothing about which idea a proposal is: Danish function words (the
Snowball project's Danish stop word list, BSD licence) and the words every proposal uses."""

SNOWBALL_DANISH = """
og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om
vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv
her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end
dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din
nogle hos blive mange ad bliver hendes været thi jer sådan
"""

# Folded (accents off, æ, ø and å kept), as words() gives them.
PROPOSALS = """
forslag forslaget foreslår foreslå foreslåes ønske ønsker ønskes gerne kommune kommunen
kommunens borger borgere borgerne bedre flere mere mest nye ny nyt god gode godt lave laves
lav få bør kan kunne må burde behov mangler savner brug bruge hele helt rigtig rigtigt
virkelig lidt rundt via samt mv osv etc ting sted steder område området by byen vores
vi os man ved ingen uden langs mellem omkring nær gennem hver alle andre
"""

STOPWORDS = frozenset((SNOWBALL_DANISH + PROPOSALS).split())
