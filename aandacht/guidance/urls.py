from django.urls import path

from aandacht.guidance import views, views_public

urlpatterns = [
    path("zelftest/", views_public.self_test, {"language": "nl"}, name="self_test"),
    path("self-test/", views_public.self_test, {"language": "en"}, name="self_test_en"),
    path("guidance/typology/", views.typology_panel, name="typology_panel"),
    path("learn/", views.learn, name="learn"),
    path("learn/lessons/<slug:key>/", views.lesson, name="lesson"),
    path("learn/cases/<int:number>/", views.case, name="case"),
    path("learn/choices/", views.case_choices, name="case_choices"),
]
