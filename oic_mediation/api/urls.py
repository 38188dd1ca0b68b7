"""REST API v1 (placeholder until the API lands)."""

app_name = "api"
urlpatterns: list = []
