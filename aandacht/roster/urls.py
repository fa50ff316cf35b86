from django.urls import include, path

urlpatterns = [
    path("roster/", include("aandacht.roster.urls_availability")),
    path("roster/", include("aandacht.roster.urls_demand")),
    path("roster/", include("aandacht.roster.urls_planning")),
    path("roster/", include("aandacht.roster.urls_swaps")),
]
