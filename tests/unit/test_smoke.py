from app.services.session import Services


def test_template_vault_opens_and_starts_empty(services: Services) -> None:
    assert services.people.count() == 0
    assert services.user == "anna"
