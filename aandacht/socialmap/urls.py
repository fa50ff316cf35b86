from django.urls import include, path

urlpatterns = [
    path("social-map/", include("aandacht.socialmap.urls_directory")),
    path("social-map/", include("aandacht.socialmap.urls_panel")),
]
