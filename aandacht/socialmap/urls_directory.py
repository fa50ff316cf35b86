"""The Vraagwijzer's maintenance screens of the social map (under social-map/)."""

from django.urls import path

from aandacht.socialmap.directory import views

urlpatterns = [
    path("", views.directory_list, name="socialmap_directory"),
    path("stale/", views.stale_list, name="socialmap_stale"),
    path("organisations/", views.organization_list, name="socialmap_organizations"),
    path(
        "organisations/new/",
        views.organization_new,
        name="socialmap_organization_new",
    ),
    path(
        "organisations/<uuid:organization_id>/",
        views.organization_detail,
        name="socialmap_organization_detail",
    ),
    path(
        "organisations/<uuid:organization_id>/edit/",
        views.organization_edit,
        name="socialmap_organization_edit",
    ),
    path(
        "organisations/<uuid:organization_id>/verify/",
        views.organization_verify,
        name="socialmap_organization_verify",
    ),
    path(
        "organisations/<uuid:organization_id>/history/",
        views.organization_history,
        name="socialmap_organization_history",
    ),
    path("services/new/", views.service_new, name="socialmap_service_new"),
    path(
        "services/<uuid:service_id>/",
        views.service_detail,
        name="socialmap_service_detail",
    ),
    path(
        "services/<uuid:service_id>/edit/",
        views.service_edit,
        name="socialmap_service_edit",
    ),
    path(
        "services/<uuid:service_id>/hours/",
        views.service_hours,
        name="socialmap_service_hours",
    ),
    path(
        "services/<uuid:service_id>/verify/",
        views.service_verify,
        name="socialmap_service_verify",
    ),
    path(
        "services/<uuid:service_id>/history/",
        views.service_history,
        name="socialmap_service_history",
    ),
    path("synonyms/", views.synonym_list, name="socialmap_synonyms"),
    path("synonyms/new/", views.synonym_new, name="socialmap_synonym_new"),
    path(
        "synonyms/<int:synonym_id>/",
        views.synonym_edit,
        name="socialmap_synonym_edit",
    ),
    path(
        "synonyms/<int:synonym_id>/delete/",
        views.synonym_delete,
        name="socialmap_synonym_delete",
    ),
]
