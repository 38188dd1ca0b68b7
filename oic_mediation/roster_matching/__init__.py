"""The Secretariat's roster-matching page in the admin (logic in ``network.matching``)."""
