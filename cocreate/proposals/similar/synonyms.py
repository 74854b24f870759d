"""Words that name the same thing in a municipality's proposals, so that "fartbump" and
"hastighedsdæmpning", or "bænke" and "siddepladser", are one thing when proposals are
compared. Each line is one group; its first word stands for the group. Words whose stem
is another word's (sidde and side are both "sid") stay out."""

from functools import lru_cache

from cocreate.proposals.search.words import fold, stem

GROUPS = """
bænk bænke siddeplads siddepladser
bump fartbump vejbump chikane chikaner fartdæmpning hastighedsdæmpning
hastighed fart fartgrænse hastighedsgrænse hastighedsbegrænsning
ladestander ladestandere ladestation ladestationer ladeplads ladepladser ladestik
legeplads legepladsen legepladser legeområde legeområdet
mad måltid måltider madordning frokost kost madservice
ældre senior seniorer pensionist pensionister ældreborgere
plejehjem plejehjemmet plejehjemmene plejecenter plejecentre plejecentrene plejebolig
cykelsti cykelstier cykelbane cykelbaner cykelvej
cykelparkering cykelstativ cykelstativer cykelpladser
fortov fortovet fortove gangsti
fodgængerfelt fodgængerfelter fodgængerovergang zebrastribe
trafiklys lysregulering lyskryds signalanlæg
åbningstid åbningstider åbent åbne åbner
bibliotek biblioteket biblioteker
bus busser buslinje busrute busforbindelse bybus afgang afgange
busstop busstoppet stoppested stoppestedet
læskur overdækning overdækket
hund hunde hundeskov hundegård hundeluftning
svømme svømning svømmeundervisning svømmehal svømmehallen svømmetid
skraldespand skraldespande affaldsspand affaldsspande spand spande affaldskurv
affald skrald
lys belysning vejbelysning gadebelysning lygter lamper gadelys gadelygter lampe lygtepæl lygtepæle
toilet toiletter wc
parkering parkeringsplads parkeringspladser
mobildækning mobilsignal mobilmast
delebil delebiler bildeling delebilsordning
pesticid pesticider sprøjtegift sprøjtemidler glyphosat
ukrudt luge lugning
larm støj akustik lyddæmpning
drikkevand drikkefontæne vandpost drikkevandspost vandhane
nyttehave nyttehaver køkkenhave køkkenhaver dyrke
helbredsundersøgelse sundhedstjek helbredstjek tjek
nattevandrer nattevandrere natteravne
træ træer allé beplantning
sti stien stier
vandresti vandrestier gårute gåruter vandrerute vandreruter
renovering renovere renoveres forny fornyes istandsættelse
hjemmehjælp hjemmehjælpen hjemmepleje
genoptræning genoptræningen
vuggestue vuggestuer vuggestueplads dagpleje pasning pasningsgaranti
ungdomsklub klubtilbud ungdomsklubben
unge teenagere teenager
lektiehjælp lektiecafé lektier hjemmearbejde
madspild overskudsmad
fællesspisning spisefællesskab spisefællesskaber
ensomhed ensom ensomme
bofællesskab seniorbofællesskab fællesskabsboliger
fitness træningsredskaber motionsredskaber fitnessredskaber
kørselsordning kørsel flextrafik
booking tidsbestilling
kø ventetid
iværksætter iværksættere
tomgang tomgangskørsel
"""

ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def _groups() -> dict[str, str]:
    concepts = {}
    for line in GROUPS.strip().splitlines():
        group = [term_of(word) for word in line.split()]
        concepts.update(dict.fromkeys(group, group[0]))
    return concepts


@lru_cache(maxsize=50_000)
def term_of(word: str) -> str:
    """A folded word's stem in ASCII (æ is "ae"), as keys hold it."""
    return stem(fold(word)).translate(ASCII)


@lru_cache(maxsize=1)
def _concepts() -> dict[str, str]:
    return _groups()


def concept(term: str) -> str:
    """The term that stands for this one's group, or the term itself."""
    return _concepts().get(term, term)
