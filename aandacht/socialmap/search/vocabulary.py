"""Dutch words every compound split may use, even before the directory has them.

The vocabulary for splitting compounds is the directory's own words plus
these: the parts social-map names are built from ("rouw" + "verwerking" +
"groep", "mantel" + "zorg" + "steun" + "punt"). Without them a part that
never occurs on its own in the directory ("verwerking") would keep
"rouwverwerkingsgroep" whole, and "rouw" would not find it.

Folded (lower case, no accents), at least four letters (shorter parts are
never split off), no stop words.
"""

from __future__ import annotations

_WORDS = """
    advies afspraak alcohol arbeid armoede arts bank begeleiding bejaarden
    beschermd bewind bieb bibliotheek bond boodschappen brief buddy buren
    burger buurt cafe centrum contact crisis dagbesteding dakloos dienst
    dokter drugs eenzaam eenzaamheid eten familie financien formulier gebed
    geestelijk geld gemeente gesprek gezin gezondheid groep
    hospice huis hulp humanitas informatie inloop jeugd jong jongere
    jongeren kerk kind kinderen koffie kring leren lijn loket lotgenoot
    lotgenoten maatje maatschappelijk mantel mantelzorg markt meld melding
    middag migrant moeder nacht opvang ouder ouderen oudere partner
    pastoraal pastor plus post praat praten preventie project psychisch
    psycholoog punt ruimte rouw schuld schulden senior senioren sociaal
    spreekuur steun steunpunt taal tafel team telefoon thuis vader veilig
    verlies verslaving verwerking voedsel vraag vrijwilliger vrijwilligers
    vrouw wandel wandelen week welzijn werk wijk winkel woon woning zelf
    zelfmoord ziek ziekte zilver zorg zorgen
"""

BASE_WORDS: frozenset[str] = frozenset(_WORDS.split())
