from django.urls import path

from aandacht.socialmap.panel import views

urlpatterns = [
    path("search/<slug:code>/", views.service_search, name="socialmap_search"),
    path("referral/<slug:code>/", views.referral_toggle, name="socialmap_referral"),
]
