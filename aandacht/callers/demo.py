"""Demo regular callers: anonymous profiles, limits, and the contacts they made.

Per demo region eight fictional callers, known by an alias and by how they
sound and what they talk about, never by a name, number or address. Their
points of approach follow the study report (ch. 3, 5.1.2 and 5.1.4): listen,
chat like a neighbour, or look for small steps together; psychiatric callers
are discussed with a consultant, and some callers have an agreed limit.

The region's synthetic reports ticked "regular caller" are then linked to the
profiles, each at its own rhythm (daily, a few times a week, weekly) and at
its own hours, with one UPDATE per profile, so that a national load of
millions links in minutes. Limit events follow from the linked reports in
one query per limited profile. Seeding twice adds nothing: a region that has
profiles is left alone.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import (
    Count,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Window,
)
from django.db.models.functions import (
    ExtractHour,
    Mod,
    RowNumber,
    TruncDate,
    TruncWeek,
)
from django.utils import timezone

from aandacht.callers import services
from aandacht.callers.models import CallerProfile, ContactLimit, LimitReachedEvent
from aandacht.callers.windows import LOCAL
from aandacht.contacts.models import Contact
from aandacht.core.demo import DemoContext
from aandacht.core.models import Region, User

DESCRIPTION = "regular callers: anonymous profiles, limits and their contacts"

# A report goes to a profile when a hash of its id falls in the profile's
# share of BUCKETS: deterministic, spread evenly over ids that the demo
# hands out to regions in a fixed stride, and computable inside one UPDATE.
BUCKETS = 10_007  # a prime, so the stride of a region's ids does not matter
SPREAD = 40_503
NIGHT = (0, 1, 2, 3, 4)
EVENING = (19, 20, 21, 22, 23)


@dataclass(frozen=True)
class DemoLimit:
    reason: str
    words: str
    per_day: int | None = None
    per_week: int | None = None
    channel: str = ""
    max_minutes: int | None = None
    days: int = 120  # in force since this many days


@dataclass(frozen=True)
class DemoProfile:
    alias: str
    cues: str
    gender: str
    age_band: str
    approach: str
    agreement: str = ""
    consultation_notes: str = ""
    review_in_days: int | None = None  # negative: the review is due
    per_week: float = 1.0  # contacts a week while the caller calls
    since_days: int = 1500  # calling since this many days (up to the demo's span)
    quiet_days: int = 0  # no contact for this many days (long: dormant)
    hours: tuple[int, ...] = ()  # local hours of calling; empty: any hour
    limit: DemoLimit | None = None


PROFILES: dict[str, list[DemoProfile]] = {
    "zhzm": [
        DemoProfile(
            alias="de dichter",
            cues=(
                "Zachte stem, leest aan het begin een eigen gedicht voor. Belt "
                "meestal laat op de avond, vaak vlak na het journaal."
            ),
            gender="male",
            age_band="65-79",
            approach=(
                "Laat hem eerst zijn gedicht voorlezen en vraag wat hij erin wilde "
                "zeggen. Daarna komt hij vaak vanzelf bij wat hem bezighoudt: het "
                "verlies van zijn vrouw en de stille avonden. Luisteren, niet "
                "adviseren."
            ),
            agreement=(
                "Eén gesprek per avond. Aan het eind benoemt de vrijwilliger wat "
                "hij vandaag heeft gedaan."
            ),
            review_in_days=20,
            per_week=6,
            hours=(20, 21, 22, 23),
            limit=DemoLimit(
                per_day=1,
                reason=(
                    "Belde tot vier keer per avond en raakte daardoor steeds "
                    "onrustiger. Eén goed gesprek per avond geeft hem meer houvast."
                ),
                words=(
                    "We hebben vanavond al gesproken. Ik wens u een goede nacht; "
                    "morgen bent u weer welkom."
                ),
            ),
        ),
        DemoProfile(
            alias="de tuinman",
            cues=(
                "Praat over zijn volkstuin en het weer, belt meestal in de ochtend. "
                "Wat slechthorend: spreek rustig en duidelijk."
            ),
            gender="male",
            age_band="80+",
            approach=(
                "Begin bij de tuin: wat staat er in bloei, wat moet er gebeuren. "
                "Sinds zijn vrouw is overleden is de tuin zijn houvast (een "
                "achterblijver in de typering). Zoek samen naar kleine stapjes, "
                "zoals koffie drinken in de kantine van de tuinvereniging."
            ),
            agreement=(
                "Hij vertelt bij een volgend gesprek of hij naar de koffieochtend "
                "van de tuinvereniging is geweest."
            ),
            per_week=2,
            hours=(8, 9, 10, 11),
        ),
        DemoProfile(
            alias="de duivenmelker",
            cues=(
                "Zware rokersstem, belt meestal na middernacht, praat over zijn "
                "duiven en over vroeger op de werf."
            ),
            gender="male",
            age_band="65-79",
            approach=(
                "Vraag naar de duiven, daar is hij trots op. Als hij somber wordt "
                "over de lange nacht: benoem dat hij belt en dus contact zoekt. "
                "Bij tekenen van terugval aanmoedigen om weer contact op te nemen "
                "met de praathulp waar hij eerder was."
            ),
            agreement="Gesprekken duren hooguit twintig minuten.",
            consultation_notes=(
                "Besproken met de consulent van de GGZ: somberheid met "
                "slaapproblemen. Niet ingaan op vragen over medicijnen; wel "
                "wijzen op de huisarts."
            ),
            review_in_days=-4,
            per_week=7,
            hours=NIGHT,
            limit=DemoLimit(
                per_day=1,
                per_week=5,
                max_minutes=20,
                reason=(
                    "Belde elke nacht meerdere keren. Met de consulent is "
                    "afgesproken dat een vaste grens hem meer rust geeft."
                ),
                words=(
                    "We hebben vannacht al met elkaar gesproken, zoals afgesproken "
                    "is dat één keer per nacht. Morgen bent u weer welkom."
                ),
                days=200,
            ),
        ),
        DemoProfile(
            alias="de wandelaarster",
            cues=(
                "Belt vaak buiten: je hoort verkeer en wind. Praat snel en springt "
                "van onderwerp naar onderwerp."
            ),
            gender="female",
            age_band="45-64",
            approach=(
                "Help haar ordenen: vraag wat vandaag het belangrijkste is. In "
                "sociale clubjes durft ze geen nee te zeggen en voelt ze zich "
                "overheerst. Oefen samen hoe ze een grens aangeeft."
            ),
            agreement="Ze kiest aan het begin van het gesprek één onderwerp.",
            review_in_days=-3,
            per_week=3,
        ),
        DemoProfile(
            alias="de sterrenkijker",
            cues=(
                "Vlakke stem, lange stiltes, belt midden in de nacht. Vertelt over "
                "sterren en planeten die hij vanaf zijn balkon ziet."
            ),
            gender="male",
            age_band="30-44",
            approach=(
                "Laat de stiltes bestaan, hij heeft tijd nodig. Vraag niet door "
                "naar familie: dat contact is al lang verbroken. Sluit aan bij "
                "zijn eigen woorden."
            ),
            consultation_notes=(
                "Overleg met de consulent: structureel isolement met psychiatrische "
                "problematiek (een overlever in de typering). Geen oplossingen "
                "aandragen; wel benoemen dat er hulp is als hij dat wil."
            ),
            review_in_days=-10,
            per_week=5,
            hours=(1, 2, 3, 4, 5),
            limit=DemoLimit(
                per_week=4,
                reason=(
                    "Belde elke nacht, soms een uur lang. De consulent adviseert "
                    "een vaste grens, zodat de gesprekken voorspelbaar blijven."
                ),
                words=(
                    "U heeft deze week al vier keer met ons gesproken; dat is de "
                    "afspraak. Vanaf maandag bent u weer welkom."
                ),
            ),
        ),
        DemoProfile(
            alias="de bakkersvrouw",
            cues=(
                "Opgewekte stem met een zachte g, belt rond het middaguur. Vertelt "
                "over de winkel die ze vroeger had."
            ),
            gender="female",
            age_band="65-79",
            approach=(
                "Een praatje als buurvrouw doet haar goed. Vraag naar haar week en "
                "wat ze heeft meegemaakt; ze houdt van humor."
            ),
            per_week=1,
            hours=(11, 12, 13, 14),
        ),
        DemoProfile(
            alias="de student",
            cues=(
                "Schrijft in de chat in korte zinnen, meestal laat op de avond. "
                "Piekert over zijn studie en over geld."
            ),
            gender="male",
            age_band="18-29",
            approach=(
                "Neem zijn zorgen serieus, ook als ze klein lijken. Bij gedachten "
                "aan de dood: vraag er rechtstreeks naar en volg het crisisprotocol."
            ),
            agreement=(
                "Hij vraagt de studentendecaan om een gesprek over zijn "
                "studievertraging."
            ),
            review_in_days=-1,
            per_week=2,
            hours=EVENING,
        ),
        DemoProfile(
            alias="de mantelzorger",
            cues=(
                "Gehaaste stem, belt vroeg in de ochtend voordat de zorg voor haar "
                "zieke man begint."
            ),
            gender="female",
            age_band="45-64",
            approach=(
                "Erken hoe zwaar het is. Ze wil vooral gehoord worden, geen "
                "adviezen. Als ze ernaar vraagt: de Vraagwijzer weet welke "
                "respijtzorg er in haar gemeente is."
            ),
            agreement="Ze belt op een werkdag de Vraagwijzer over respijtzorg.",
            per_week=1.5,
            hours=(6, 7, 8),
            quiet_days=220,  # went quiet: the profile becomes dormant
        ),
    ],
    "utrecht": [
        DemoProfile(
            alias="de schilder",
            cues=(
                "Hese stem, belt op zondagmiddag. Praat over zijn schilderijen en "
                "over het atelier dat hij kwijtraakte."
            ),
            gender="male",
            age_band="45-64",
            approach=(
                "Vraag wat hij deze week heeft geschilderd. Zijn werk hield hem op "
                "de been (een compenseerder); sinds hij is afgekeurd valt dat weg. "
                "Verken of een schilderclub of vrijwilligerswerk bij hem past."
            ),
            agreement=(
                "Hij gaat kijken bij een open atelier in de buurt en vertelt daarover."
            ),
            review_in_days=30,
            per_week=1,
            hours=(13, 14, 15, 16, 17),
        ),
        DemoProfile(
            alias="de vroege vogel",
            cues=(
                "Belt elke ochtend vroeg, meteen na het opstaan. Heldere stem, "
                "begint altijd over het weer."
            ),
            gender="female",
            age_band="80+",
            approach=(
                "Een kort, warm gesprek aan het begin van de dag. Vraag wat ze "
                "vandaag gaat doen: een vaste dagindeling helpt haar."
            ),
            agreement="Ze gaat op dinsdag naar de ontmoetingsochtend in het buurthuis.",
            per_week=9,
            hours=(6, 7, 8, 9),
            limit=DemoLimit(
                per_day=1,
                reason=(
                    "Belde soms drie keer per ochtend. Met één gesprek per dag "
                    "blijft er ruimte voor andere bellers en houdt zij haar ritme."
                ),
                words=(
                    "We hebben elkaar vanochtend al gesproken. Ik wens u een fijne "
                    "dag; morgenochtend bent u weer welkom."
                ),
            ),
        ),
        DemoProfile(
            alias="de zeeman",
            cues=(
                "Diepe stem, gebruikt zeemanstermen, belt in de avond als hij niet "
                "kan slapen."
            ),
            gender="male",
            age_band="65-79",
            approach=(
                "Laat hem vertellen over de havens waar hij is geweest. Hij "
                "wantrouwt instanties: dring niets op."
            ),
            consultation_notes=(
                "Besproken met de consulent: mogelijk beginnende "
                "geheugenproblemen. Let op verwardheid en noteer die in het verslag."
            ),
            review_in_days=-1,
            per_week=3,
            hours=EVENING,
        ),
        DemoProfile(
            alias="de verzamelaarster",
            cues=(
                "Spreekt zacht en verontschuldigt zich vaak. Verzamelt oude "
                "ansichtkaarten en beschrijft de plaatjes."
            ),
            gender="female",
            age_band="45-64",
            approach=(
                "Ze heeft weinig vertrouwen in zichzelf. Benoem wat ze goed doet en "
                "zoek samen naar kleine, haalbare stappen."
            ),
            agreement=(
                "Ze gaat naar de ruilbeurs van de verzamelvereniging en vertelt hoe "
                "het was."
            ),
            per_week=2,
        ),
        DemoProfile(
            alias="de boze buurman",
            cues=(
                "Begint vaak luid en boos over de buren en de woningcorporatie. "
                "Wordt rustiger als hij zich gehoord voelt."
            ),
            gender="male",
            age_band="45-64",
            approach=(
                "Laat de eerste boosheid er zijn en vat samen wat hij zegt. Hij "
                "voelt zich onrecht aangedaan (een buitenstaander): ga niet in "
                "discussie. Bij schelden mag je een grens aangeven."
            ),
            consultation_notes=(
                "Consult: geen psychiatrische problematiek bekend. Bij dreigende "
                "taal het gesprek afronden en overleggen met de begeleider."
            ),
            per_week=4,
            limit=DemoLimit(
                per_week=3,
                max_minutes=30,
                reason=(
                    "Gesprekken liepen uit tot ruim een uur en herhaalden zich. De "
                    "begeleider heeft afgesproken dat hij drie keer per week belt."
                ),
                words=(
                    "We hebben deze week al drie keer gesproken, zoals afgesproken. "
                    "Vanaf maandag kunt u weer bellen."
                ),
            ),
        ),
        DemoProfile(
            alias="de pianiste",
            cues=(
                "Speelt soms een stukje piano voor aan de telefoon. Beschaafde, wat "
                "hoge stem, belt in de middag."
            ),
            gender="female",
            age_band="65-79",
            approach=(
                "Luister naar het stukje en vraag wat het voor haar betekent. Sinds "
                "ze kleiner is gaan wonen mist ze haar oude buurt (een dreigend "
                "isolement): vraag naar nieuwe contacten in de buurt."
            ),
            per_week=1,
            hours=(14, 15, 16, 17),
        ),
        DemoProfile(
            alias="de nachtwaker",
            cues=(
                "Werkt 's nachts als beveiliger en belt tijdens zijn ronde. Praat "
                "zacht, soms met een galm op de achtergrond."
            ),
            gender="male",
            age_band="30-44",
            approach=(
                "Een praatje om de nacht door te komen. Hij vraagt graag hoe het "
                "met de vrijwilliger gaat: houd het gesprek bij hem."
            ),
            agreement="Als hij overdag niet slaapt, bespreekt hij dat met de huisarts.",
            per_week=3,
            hours=(1, 2, 3, 4, 5),
        ),
        DemoProfile(
            alias="de twijfelaar",
            cues=("Chat meestal, stelt veel vragen en vraagt telkens om bevestiging."),
            gender="unknown",
            age_band="30-44",
            approach=(
                "Geef geen zekerheid die je niet kunt geven; spiegel de vraag "
                "terug. Help ordenen: wat wil de beller uit dit gesprek halen?"
            ),
            consultation_notes=(
                "Besproken met de consulent: angstklachten. Aanmoedigen om de "
                "praathulp weer op te pakken."
            ),
            review_in_days=-5,
            per_week=2,
        ),
    ],
    "noord": [
        DemoProfile(
            alias="de boer",
            cues=(
                "Breed accent, belt na het melken in de vroege avond. Praat over "
                "het land en het weer."
            ),
            gender="male",
            age_band="65-79",
            approach=(
                "Hij is trots en vraagt geen hulp. Sinds hij het bedrijf heeft "
                "overgedaan mist hij zijn werk (een compenseerder). Vraag wat hij "
                "nog doet op het erf."
            ),
            agreement=(
                "Hij helpt op zaterdag bij de oudheidkundige vereniging en vertelt "
                "hoe dat ging."
            ),
            per_week=2,
            hours=(17, 18, 19, 20),
        ),
        DemoProfile(
            alias="de breister",
            cues=(
                "Je hoort breinaalden tikken. Vriendelijke, wat trillende stem, "
                "belt na het avondeten."
            ),
            gender="female",
            age_band="80+",
            approach=(
                "Een gewoon praatje als buurvrouw. Vraag waar ze aan breit en voor "
                "wie; haar kleinkinderen wonen ver weg."
            ),
            review_in_days=45,
            per_week=4,
            hours=(18, 19, 20, 21),
        ),
        DemoProfile(
            alias="de fietser",
            cues=(
                "Belt na een lange fietstocht, nog buiten adem. Praat over routes "
                "en over zijn scheiding."
            ),
            gender="male",
            age_band="45-64",
            approach=(
                "Hij zoekt oplossingen: sluit aan bij wat hij zelf bedenkt en vraag "
                "welke stap hij deze week zet."
            ),
            agreement="Hij zoekt uit of er een fietsclub in de buurt is.",
            per_week=1,
        ),
        DemoProfile(
            alias="de wachtende",
            cues=(
                "Stille stem, lange pauzes. Belt midden in de nacht en zegt eerst "
                "niets."
            ),
            gender="female",
            age_band="30-44",
            approach=(
                "Wacht rustig, zeg dat je er bent en dat ze de tijd heeft. Ze wil "
                "graag contact maar durft het niet aan (een hoopvolle in de "
                "typering)."
            ),
            consultation_notes=(
                "Besproken met de consulent: depressieve klachten, eerder in "
                "behandeling geweest. Bij terugval aanmoedigen om de praathulp "
                "weer te bellen; bij gedachten aan zelfdoding het crisisprotocol "
                "volgen."
            ),
            review_in_days=-2,
            per_week=6,
            hours=NIGHT,
            limit=DemoLimit(
                per_day=1,
                per_week=4,
                reason=(
                    "Belde elke nacht meerdere keren en bleef daarna wakker. Met de "
                    "consulent is afgesproken dat één gesprek per nacht meer rust "
                    "geeft."
                ),
                words=(
                    "We hebben vannacht al met elkaar gesproken. Probeer wat te "
                    "rusten; morgen mag u weer bellen."
                ),
            ),
        ),
        DemoProfile(
            alias="de kok",
            cues=(
                "Belt terwijl hij kookt, je hoort pannen. Opgewekt, maar heeft "
                "soms te veel gedronken."
            ),
            gender="male",
            age_band="45-64",
            approach=(
                "Benoem het als je merkt dat hij gedronken heeft. Vraagt hij naar "
                "hulp bij drinken: wijs op zelfhulpgroepen."
            ),
            consultation_notes=(
                "Consult: alcoholproblematiek. Geen gesprek voeren als hij duidelijk "
                "onder invloed is; vriendelijk afronden."
            ),
            per_week=6,
            hours=(17, 18, 19, 20, 21, 22),
            limit=DemoLimit(
                per_week=4,
                channel="phone",
                reason=(
                    "Belde vaak meerdere keren per avond, onder invloed. Afgesproken "
                    "zijn vier telefoongesprekken per week."
                ),
                words=(
                    "We hebben deze week al vier keer gesproken. Ik hoop dat u de "
                    "rest van de week goed doorkomt; vanaf maandag bent u weer "
                    "welkom."
                ),
            ),
        ),
        DemoProfile(
            alias="de lezeres",
            cues=(
                "Vertelt over het boek dat ze deze week las. Rustige stem, belt "
                "vaak op zondag."
            ),
            gender="female",
            age_band="65-79",
            approach=(
                "Vraag naar het boek en wat het met haar doet. Ze heeft mensen om "
                "zich heen maar voelt zich toch eenzaam: geef ruimte aan dat gevoel."
            ),
            per_week=1,
        ),
        DemoProfile(
            alias="de klusser",
            cues=(
                "Belt vanuit zijn schuur, praat over wat hij voor de buren "
                "repareert. Wat kortademig."
            ),
            gender="male",
            age_band="65-79",
            approach=(
                "Vraag wat hij gemaakt heeft: klussen geeft hem het gevoel dat hij "
                "nodig is. Moedig aan om de kortademigheid met de huisarts te "
                "bespreken."
            ),
            agreement="Hij maakt een afspraak bij de huisarts.",
            review_in_days=-7,
            per_week=1.5,
            quiet_days=200,  # went quiet: the profile becomes dormant
        ),
        DemoProfile(
            alias="de jonge moeder",
            cues=(
                "Chat laat in de avond als de kinderen slapen. Schrijft lange "
                "berichten, staat er alleen voor."
            ),
            gender="female",
            age_band="30-44",
            approach=(
                "Ze wil vooral gehoord worden. Erken hoe zwaar het is om er alleen "
                "voor te staan. Als ze ernaar vraagt: de Vraagwijzer kent "
                "opvoedsteun in haar gemeente."
            ),
            per_week=2,
            hours=(21, 22, 23),
        ),
    ],
}


def _author(context: DemoContext, code: str) -> User:
    return context.users["begeleider" if code == "zhzm" else "landelijk"]


def seed(context: DemoContext) -> None:
    now = timezone.now()
    for code, region in context.regions.items():
        if CallerProfile.objects.filter(region=region).exists():
            continue  # seeded before
        _seed_region(region, PROFILES.get(code, []), _author(context, code), now)
    services.profiles_mark_dormant(now=now)


@transaction.atomic
def _seed_region(
    region: Region, demos: list[DemoProfile], author: User, now: datetime.datetime
) -> None:
    today = timezone.localdate(now)
    created: list[tuple[CallerProfile, DemoProfile, ContactLimit | None]] = []
    for demo in demos:
        review = None
        if demo.review_in_days is not None:
            review = today + datetime.timedelta(days=demo.review_in_days)
        profile = services.profile_create(
            region=region,
            actor=author,
            alias=demo.alias,
            cues=demo.cues,
            gender=demo.gender,
            age_band=demo.age_band,
            approach=demo.approach,
            agreement=demo.agreement,
            consultation_notes=demo.consultation_notes,
            review_on=review,
        )
        limit = None
        if demo.limit is not None:
            limit = services.limit_set(
                profile=profile,
                actor=author,
                per_day=demo.limit.per_day,
                per_week=demo.limit.per_week,
                channel=demo.limit.channel,
                max_minutes=demo.limit.max_minutes,
                valid_from=today - datetime.timedelta(days=demo.limit.days),
                reason=demo.limit.reason,
                words=demo.limit.words,
            )
        created.append((profile, demo, limit))
    _link(region, created, now)
    CallerProfile.objects.filter(region=region).update(
        last_contact_at=Subquery(
            Contact.objects.filter(caller_profile=OuterRef("pk"))
            .order_by()
            .values("caller_profile")
            .annotate(last=Max("started_at"))
            .values("last")
        )
    )
    for profile, _demo, limit in created:
        if limit is not None:
            _limit_events(profile, limit)


def _link(
    region: Region,
    created: list[tuple[CallerProfile, DemoProfile, ContactLimit | None]],
    now: datetime.datetime,
) -> None:
    """Give each profile its share of the region's unlinked regular-caller reports.

    The share is estimated from one count of those reports per local hour
    and gender, so that a daily caller gets about one report a day; each
    profile then takes its own slice of the hash buckets, in one UPDATE.
    """
    regular = Contact.objects.conversations().filter(
        region=region, regular_caller=True, caller_profile__isnull=True
    )
    span = regular.order_by().aggregate(first=Min("started_at"))["first"]
    if span is None:
        return
    days_covered = max((now - span).total_seconds() / 86400, 1.0)
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for row in (
        regular.order_by()
        .annotate(hour=ExtractHour("started_at", tzinfo=LOCAL))
        .values("hour", "gender")
        .annotate(n=Count("pk"))
    ):
        counts[(row["hour"], row["gender"])] += row["n"]
    offset = 0
    for profile, demo, _limit in created:
        start = now - datetime.timedelta(days=min(demo.since_days, days_covered))
        end = now - datetime.timedelta(days=demo.quiet_days)
        if end <= start:
            continue
        days = (end - start).total_seconds() / 86400
        genders = {demo.gender, "unknown"} if demo.gender != "unknown" else None
        pool = sum(
            n * days / days_covered
            for (hour, gender), n in counts.items()
            if (not demo.hours or hour in demo.hours)
            and (genders is None or gender in genders)
        )
        wanted = demo.per_week * days / 7
        width = BUCKETS if pool <= wanted else max(1, round(BUCKETS * wanted / pool))
        if offset + width > BUCKETS:  # the region has too few reports: share
            offset = 0
        reports = regular.filter(started_at__gte=start, started_at__lt=end)
        if demo.hours:
            reports = reports.filter(started_at__hour__in=demo.hours)
        if genders is not None:
            reports = reports.filter(gender__in=genders)
        bucket = Mod(F("id") * SPREAD, BUCKETS, output_field=IntegerField())
        reports.alias(bucket=bucket).filter(
            bucket__gte=offset, bucket__lt=offset + width
        ).update(caller_profile=profile)
        offset += width


def _limit_events(profile: CallerProfile, limit: ContactLimit) -> None:
    """The reports taken while the limit was already reached, as events.

    As `services.contact_attached` would have noted them one by one: a report
    on the limit's day or after it, on its channel if it names one, with
    `per_day` reports earlier that local day or `per_week` earlier that
    local week (Monday to Sunday). Counted with window functions in one query.
    """
    first = datetime.datetime.combine(limit.valid_from, datetime.time(), tzinfo=LOCAL)
    monday = first - datetime.timedelta(days=limit.valid_from.weekday())
    reports = Contact.objects.conversations().filter(
        caller_profile=profile, started_at__gte=monday
    )
    if limit.channel:
        reports = reports.filter(channel=limit.channel)
    order = [F("started_at").asc(), F("pk").asc()]
    ranked = reports.annotate(
        in_day=Window(
            RowNumber(),
            partition_by=[TruncDate("started_at", tzinfo=LOCAL)],
            order_by=order,
        ),
        in_week=Window(
            RowNumber(),
            partition_by=[TruncWeek("started_at", tzinfo=LOCAL)],
            order_by=order,
        ),
    )
    over = Q()
    if limit.per_day is not None:
        over |= Q(in_day__gt=limit.per_day)
    if limit.per_week is not None:
        over |= Q(in_week__gt=limit.per_week)
    if not over:
        return  # a limit on duration only
    LimitReachedEvent.objects.bulk_create(
        [
            LimitReachedEvent(profile=profile, limit=limit, contact_id=pk, at=started)
            for pk, started in ranked.filter(over).values_list("pk", "started_at")
            if started >= first
            and (
                limit.valid_until is None
                or started.astimezone(LOCAL).date() <= limit.valid_until
            )
        ],
        batch_size=2000,
    )
