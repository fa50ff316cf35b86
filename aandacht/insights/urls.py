from django.urls import include, path

urlpatterns = [
    path("insights/", include("aandacht.insights.urls_dashboard")),
    path("insights/", include("aandacht.insights.urls_partner")),
    path("insights/", include("aandacht.insights.urls_exports")),
]
