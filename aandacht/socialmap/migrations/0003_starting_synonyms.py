"""A starting synonym list for the social map's search.

Staff maintain the list afterwards (the ``Synonym`` screens); the search
reads it at query time, so an edit works at once. Each group works both
ways. A term that already exists is left as staff wrote it, and going back
removes only the groups that still read exactly as written here.
"""

from django.db import migrations

STARTING_SYNONYMS: dict[str, list[str]] = {
    "ggz": ["geestelijke gezondheidszorg", "geestelijke gezondheid", "psychiatrie"],
    "praathulp": ["psycholoog", "praten", "gesprek", "luisteren"],
    "eenzaamheid": ["eenzaam", "alleen", "alleenstaand", "sociaal isolement"],
    "mantelzorg": ["mantelzorger", "zorgen voor een naaste"],
    "rouw": ["verlies", "overlijden", "nabestaanden"],
    "schuldhulp": ["schulden", "geldzorgen", "schuldhulpverlening", "geldproblemen"],
    "maatschappelijk werk": ["welzijn", "welzijnswerk", "sociaal werk"],
    "huisarts": ["dokter", "arts", "huisartsenpost"],
    "113": ["zelfmoord", "suïcide", "zelfdoding", "suïcidepreventie"],
    "ouderen": ["senioren", "bejaarden", "65plus"],
    "jongeren": ["jeugd", "tieners", "jongerenwerk"],
    "voedselbank": ["voedselhulp", "eten", "voedselpakket"],
    "huiselijk geweld": ["mishandeling", "veilig thuis"],
    "verslaving": ["alcohol", "drugs", "gokken"],
    "vrijwilliger": ["buddy", "maatje"],
    "formulieren": ["formulierenhulp", "papieren", "brieven"],
    "taal": ["nederlands leren", "taalcafé", "inburgering"],
    "crisis": ["spoed", "acuut", "nood"],
}


def add(apps, schema_editor):
    synonym = apps.get_model("socialmap", "Synonym")
    for term, synonyms in STARTING_SYNONYMS.items():
        synonym.objects.get_or_create(
            term=term, defaults={"synonyms": "\n".join(synonyms)}
        )


def remove(apps, schema_editor):
    synonym = apps.get_model("socialmap", "Synonym")
    for term, synonyms in STARTING_SYNONYMS.items():
        synonym.objects.filter(term=term, synonyms="\n".join(synonyms)).delete()


class Migration(migrations.Migration):
    dependencies = [("socialmap", "0002_search_index")]
    operations = [migrations.RunPython(add, remove)]
