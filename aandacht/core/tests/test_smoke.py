def test_login_page_is_dutch_by_default(client, db):
    response = client.get("/login/")
    assert response.status_code == 200
    assert "Aanmelden" in response.content.decode()
