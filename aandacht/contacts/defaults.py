"""The lists a new installation starts with; administrators edit them later."""

from __future__ import annotations

# (code, Dutch label, English label, opens the crisis panel)
TOPICS = [
    ("relationships", "Relaties", "Relationships", False),
    ("loneliness", "Eenzaamheid", "Loneliness", False),
    ("mental_health", "Psychische gezondheid", "Mental health", False),
    ("physical_health", "Lichamelijke gezondheid", "Physical health", False),
    ("addiction", "Verslaving", "Addiction", False),
    ("grief", "Rouw en verlies", "Grief and loss", False),
    ("money_work", "Geld en werk", "Money and work", False),
    ("housing", "Wonen", "Housing", False),
    ("violence", "Geweld en misbruik", "Violence and abuse", False),
    ("suicidal_thoughts", "Gedachten aan zelfdoding", "Suicidal thoughts", True),
    ("meaning", "Zingeving", "Meaning of life", False),
    ("daily_life", "Dagelijks leven", "Daily life", False),
    ("other", "Overig", "Other", False),
]

# (code, Dutch label, English label)
SOURCES = [
    (
        "vraagwijzer_desk",
        "Vraagwijzer-loket van de gemeente",
        "Municipal Vraagwijzer desk",
    ),
    ("mee", "MEE", "MEE"),
    ("other_institution", "Andere instelling", "Other institution"),
]

# (name, phone, steps): national numbers every region shows.
CRISIS_RESOURCES = [
    (
        "113 Zelfmoordpreventie",
        "0800-0113",
        "Vraag rustig door naar gedachten aan zelfdoding. Bied aan om door te "
        "verbinden met 113; blijf aan de lijn tot er contact is.",
    ),
    (
        "Spoed: politie, ambulance, brandweer",
        "112",
        "Bij direct levensgevaar: bel 112 via de tweede lijn en houd de beller "
        "aan de praat.",
    ),
]


def install_defaults(topic_list_model, topic_model, source_model, crisis_model) -> None:  # type: ignore[no-untyped-def]
    """Create the default lists once; takes the models so migrations can use it."""
    if not topic_list_model.objects.exists():
        topic_list = topic_list_model.objects.create(version=1, is_current=True)
        topic_model.objects.bulk_create(
            topic_model(
                topic_list=topic_list,
                code=code,
                label_nl=nl,
                label_en=en,
                is_crisis=crisis,
                order=order,
            )
            for order, (code, nl, en, crisis) in enumerate(TOPICS)
        )
    for order, (code, nl, en) in enumerate(SOURCES):
        source_model.objects.get_or_create(
            code=code, defaults={"label_nl": nl, "label_en": en, "order": order}
        )
    if not crisis_model.objects.exists():
        crisis_model.objects.bulk_create(
            crisis_model(name=name, phone=phone, steps=steps, order=order)
            for order, (name, phone, steps) in enumerate(CRISIS_RESOURCES)
        )
