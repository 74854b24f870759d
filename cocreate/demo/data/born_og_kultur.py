"""Demo proposals that start with Børn og Kultur: learning, and welfare made together."""

from cocreate.demo.story import (
    Acknowledge,
    Answer,
    Approve,
    DemoProposal,
    Implement,
    RequestChanges,
    Submit,
    Transfer,
    Withdraw,
)
from cocreate.proposals.models import Outcome

PROPOSALS = (
    DemoProposal(
        author="aisha.rahimi",
        themes=("laering-og-uddannelse", "samspil-med-borgeren"),
        title="Lektiecafé på biblioteket med frivillige studerende",
        summary="""
            Mange elever kan ikke få hjælp til lektierne derhjemme. Studerende fra universitetet
            vil gerne give en hånd, hvis biblioteket lægger lokaler til.
            """,
        body="""
            Jeg læser til ingeniør og havde selv brug for lektiehjælp som barn, fordi mine
            forældre ikke kunne dansk. Flere af mine medstuderende vil gerne bruge et par timer
            om ugen på at hjælpe elever i 6.–10. klasse med især matematik, fysik og dansk.

            Det, vi mangler, er et fast sted og en fast tid. Biblioteket ligger centralt, har
            gratis wifi og er i forvejen et sted, hvor de unge kommer.

            Vi forestiller os:

            - to eftermiddage om ugen fra kl. 15 til 18
            - en fast kontaktperson på biblioteket
            - en kort introduktion til de frivillige om børneattester og god omgangstone
            """,
        story=(
            Submit(182),
            Approve(180),
            Acknowledge(176),
            Answer(
                160,
                Outcome.ACCEPTED,
                """
                Sikke et flot tilbud. Biblioteket stiller studieværkstedet til rådighed mandag
                og onsdag fra kl. 15 til 18, og en af vores bibliotekarer bliver fast
                kontaktperson for de frivillige.

                Vi sørger for børneattester og holder et introduktionsmøde for de frivillige,
                inden lektiecaféen åbner om en måned. Skolerne får besked, så lærerne kan
                fortælle eleverne om tilbuddet.
                """,
            ),
            Implement(
                120,
                """
                Lektiecaféen har nu været åben i to måneder. 14 studerende er med, og der kommer
                i gennemsnit 25 elever hver gang. Tak til alle, der har været med.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="jonas.berg",
        themes=("laering-og-uddannelse",),
        title="Fast udeskoledag i skoven for indskolingen",
        summary="""
            Giv alle elever i 0.–3. klasse én fast dag om ugen, hvor undervisningen foregår i
            skoven eller ved søen.
            """,
        body="""
            Børn lærer godt, når de bevæger sig, og udeskole styrker både trivslen og
            fællesskabet i klassen. Flere af kommunens skoler ligger tæt på skov og sø, men det
            er op til den enkelte lærer, om klassen kommer ud.

            Mit forslag er, at alle indskolingsklasser får én fast udeskoledag om ugen, hvor
            fagene – matematik, dansk, natur/teknologi – tilrettelægges, så de kan foregå
            udenfor.

            Det kræver, at der:

            - er et shelter eller et læ ved hver skole
            - afsættes tid til, at lærerne kan planlægge sammen
            - er regntøj til de børn, der ikke selv har det
            """,
        story=(
            Submit(35),
            Approve(33),
            Acknowledge(30),
            Answer(
                6,
                Outcome.PARTIALLY_ACCEPTED,
                """
                Flere skoler arbejder allerede med udeskole, og vi kan godt se idéen. Vores
                foreløbige vurdering er, at vi vil tilbyde udeskole hver anden uge i 0.–3. klasse
                fra næste skoleår og søge fondsmidler til shelters ved de tre skoler, der mangler.

                En fast ugentlig dag er svær at få til at gå op med skemaerne. Kommentér gerne,
                inden vi giver det endelige svar – især hvis du er lærer eller forælder i
                indskolingen.
                """,
                preliminary=True,
            ),
        ),
    ),
    DemoProposal(
        author="poul.erik.jensen",
        themes=("laering-og-uddannelse",),
        title="Mobilfri skoledag på alle kommunens skoler",
        summary="""
            Mobiltelefonerne afleveres, når skoledagen begynder, og udleveres, når eleverne går
            hjem. Det giver ro i timerne og mere leg i frikvartererne.
            """,
        body="""
            Mine børnebørn fortæller, at frikvartererne mest går med at sidde med telefonen. Det
            er synd, både for legen og for koncentrationen i timerne.

            Nogle skoler har allerede mobilfri skoletid med gode erfaringer. Kommunen bør gøre
            det til en fælles regel for alle skoler, så det ikke er op til den enkelte lærer at
            tage diskussionen med elever og forældre.
            """,
        story=(
            Submit(135),
            Approve(133),
            Acknowledge(128),
            Answer(
                100,
                Outcome.DECLINED,
                """
                Tak for forslaget. Vi deler bekymringen, og emnet bliver diskuteret på alle
                skoler.

                Efter folkeskoleloven er det skolebestyrelsen, der fastsætter skolens
                ordensregler, også om mobiltelefoner. Kommunen kan derfor ikke indføre én fælles
                regel. Vi har sendt forslaget til alle skolebestyrelser sammen med erfaringerne
                fra de tre skoler, der allerede er mobilfri, og fire bestyrelser har sat emnet
                på deres næste møde.
                """,
            ),
        ),
    ),
    DemoProposal(
        author="sofie.lund",
        themes=("laering-og-uddannelse", "aktiv-beskaeftigelse"),
        title="Iværksætterværksted for unge sammen med lokale virksomheder",
        summary="""
            Et værksted, hvor unge fra 8. klasse og op kan udvikle egne idéer med hjælp fra
            lokale iværksættere og virksomheder.
            """,
        body="""
            Kommunen har mange vidensvirksomheder og iværksættere, men de unge møder dem sjældent.
            Jeg foreslår et iværksætterværksted i den nedlagte ungdomsklub, hvor unge kan
            arbejde med egne idéer – fra en lille webshop til en app eller en bod på
            loppemarkedet.

            Lokale virksomheder kan stille mentorer til rådighed en eftermiddag om måneden, og
            ungdomsskolen kan stå for den daglige drift. Det styrker lysten til at starte noget
            selv og giver de unge et netværk, de kan bruge, når de skal vælge uddannelse.
            """,
        story=(Submit(3),),
    ),
    DemoProposal(
        author="mette.holm",
        themes=("samspil-med-borgeren",),
        title="En frivilligbørs, hvor foreninger og borgere finder hinanden",
        summary="""
            En enkel side, hvor foreninger slår små frivilligopgaver op, og hvor borgere kan
            melde sig til en enkelt dag eller en fast tjans.
            """,
        body="""
            Mange vil gerne give en hånd, men ikke binde sig til en bestyrelsespost. Omvendt
            mangler foreningerne hjælp til konkrete ting: en loppemarkedsdag, et maleprojekt i
            klubhuset eller kørsel til en turnering.

            Med en frivilligbørs kan foreningerne slå opgaverne op med dato og tidsforbrug, og
            borgerne kan melde sig med ét klik. Kommunen kan samtidig bruge børsen til sine egne
            frivilligopgaver, for eksempel på plejecentrene og bibliotekerne.
            """,
        story=(Submit(7), Approve(5)),
    ),
    DemoProposal(
        author="karim.haddad",
        themes=("samspil-med-borgeren",),
        title="Borgerbudget: lad bydelene bestemme over 500.000 kr.",
        summary="""
            Afsæt hvert år et beløb til hver bydel, som borgerne selv stiller forslag til og
            stemmer om.
            """,
        body="""
            I Paris, Reykjavik og flere danske kommuner har man borgerbudgetter, hvor borgerne
            selv bestemmer, hvad en del af pengene skal bruges til. Det giver engagement og
            projekter, som kommunen aldrig selv ville have fundet på.

            Jeg foreslår, at hver bydel får 500.000 kr. om året. Alle over 15 år kan stille
            forslag, og der stemmes digitalt og på biblioteket.
            """,
        story=(
            Submit(26),
            RequestChanges(
                25,
                "Tak for forslaget. Et borgerbudget går på tværs af forvaltningerne, så skriv "
                "gerne, hvilke slags projekter du tænker på (fx legepladser, kulturarrangementer "
                "eller grønne områder), og hvordan afstemningen skal foregå.",
            ),
        ),
    ),
    DemoProposal(
        author="jonas.berg",
        themes=("samspil-med-borgeren", "den-netvaerksorienterede-by"),
        title="Forældre og kommune renoverer legepladsen i Søparken sammen",
        summary="""
            Legepladsen i Søparken er slidt. Forældrene vil gerne lægge arbejdskraft i en fælles
            renovering, hvis kommunen betaler materialerne.
            """,
        body="""
            Legepladsen i Søparken er over 20 år gammel. Gyngerne er taget ned, og sandkassen er
            fuld af ukrudt.

            Vi er 15 forældre, der gerne vil bruge to weekender på at bygge nyt sammen med
            kommunens folk. Vi har tegnet et forslag med en balancebane, en ny sandkasse og
            bænke til de voksne.
            """,
        story=(
            Submit(70),
            Approve(67),
            Transfer(
                65,
                "teknik-og-miljo",
                "Legepladserne i parkerne passes af Park og Vej i Teknik og Miljø, som også skal "
                "godkende sikkerheden ved nye redskaber.",
            ),
            Withdraw(
                60,
                "Boligforeningen har overtaget legepladsen og renoverer den selv til sommer, så "
                "jeg trækker forslaget tilbage.",
            ),
        ),
    ),
    DemoProposal(
        author="sofie.lund",
        themes=("samspil-med-borgeren", "aktivt-og-sundt-aeldreliv"),
        title="Børnehavebørn på besøg på plejecentret",
        summary="""
            Lad børnehaver og plejecentre lave faste besøg, hvor børn og ældre synger, spiller
            spil og bager sammen.
            """,
        body="""
            Børn og ældre har meget at give hinanden. I et tv-program så jeg, hvordan beboerne
            på et plejehjem blev mere aktive og glade, når børnene fra den lokale børnehave kom
            på besøg hver uge.

            Mit forslag er, at hver børnehave får et fast plejecenter, som den besøger en gang
            om måneden.
            """,
        story=(
            Submit(90),
            Approve(88),
            Withdraw(
                80,
                "Jeg har talt med plejecentret og børnehaven, og de har allerede aftalt faste "
                "besøg. Så er der ikke brug for forslaget længere.",
            ),
        ),
    ),
)
