from django.urls import path

from aandacht.socialmap.api import views

urlpatterns = [
    path("", views.api_root, name="hsds_root"),
    path("services", views.services, name="hsds_services"),
    path("services/<str:pk>", views.service_detail, name="hsds_service"),
    path("organizations", views.organizations, name="hsds_organizations"),
    path(
        "organizations/<str:pk>",
        views.organization_detail,
        name="hsds_organization",
    ),
    path("taxonomies", views.taxonomies, name="hsds_taxonomies"),
    path("taxonomy_terms", views.taxonomy_terms, name="hsds_taxonomy_terms"),
]
