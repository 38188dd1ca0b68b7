"""`make load`: 50 concurrent clients mixing public pages, API reads and focal-point writes.

Run by load/run.py, which prepares the database, starts gunicorn and passes in LOAD_TOKEN (a
focal point of Türkiye's API token) and LOAD_PARAGRAPH (a paragraph id to pledge against).
Every answer but the expected one counts as a failure; any failure fails `make load`.
"""

from __future__ import annotations

import itertools
import os
import random

from locust import HttpUser, between, task

STATE_SLUGS = ["turkiye", "senegal", "saudi-arabia", "gambia", "pakistan", "indonesia"]
LANGUAGES = ["ar", "en", "fr"]
_sequence = itertools.count(1)


class PublicVisitor(HttpUser):
    """A delegate, researcher or journalist browsing the dashboard in one of the three languages."""

    weight = 5
    wait_time = between(0.5, 2)

    def on_start(self):
        self.language = random.choice(LANGUAGES)

    def page(self, path: str, name: str) -> None:
        self.client.get(f"/{self.language}/{path}", name=f"/[lang]/{name}")

    @task(4)
    def home(self):
        self.page("", "")

    @task(2)
    def states(self):
        self.page("states/", "states/")

    @task(3)
    def state(self):
        self.page(f"states/{random.choice(STATE_SLUGS)}/", "states/[slug]/")

    @task
    def network(self):
        self.page("network/", "network/")

    @task
    def trainings(self):
        self.page("trainings/", "trainings/")

    @task
    def conferences(self):
        self.page("conferences/", "conferences/")

    @task
    def contact_group(self):
        self.page("contact-group/", "contact-group/")

    @task
    def figures(self):
        self.page("figures/", "figures/")


class ApiReader(HttpUser):
    """A script reading the open data."""

    weight = 4
    wait_time = between(0.5, 2)

    @task(3)
    def commitments(self):
        self.client.get("/api/v1/commitments/?limit=50", name="/api/v1/commitments/")

    @task(2)
    def states(self):
        self.client.get("/api/v1/states/", name="/api/v1/states/")

    @task(2)
    def paragraphs(self):
        self.client.get("/api/v1/paragraphs/", name="/api/v1/paragraphs/")

    @task
    def roster_summary(self):
        self.client.get("/api/v1/roster/summary/", name="/api/v1/roster/summary/")

    @task
    def editions(self):
        self.client.get("/api/v1/editions/", name="/api/v1/editions/")

    @task
    def export(self):
        self.client.get("/api/v1/export/commitments.csv", name="/api/v1/export/commitments.csv")


class FocalPointWriter(HttpUser):
    """A focal point of Türkiye: pledges, edits the pledge with its ETag, reports progress."""

    weight = 1
    wait_time = between(1, 3)

    def on_start(self):
        self.client.headers["Authorization"] = f"Token {os.environ['LOAD_TOKEN']}"
        number = next(_sequence)
        with self.client.post(
            "/api/v1/commitments/",
            json={
                "paragraph": int(os.environ["LOAD_PARAGRAPH"]),
                "title": f"Load-test pledge {number}",
                "target_quantity": 100,
                "unit": "diplomats_trained",
            },
            name="/api/v1/commitments/ [create]",
            catch_response=True,
        ) as response:
            if response.status_code != 201:
                response.failure(f"create answered {response.status_code}: {response.text[:200]}")
                self.commitment, self.etag = None, None
                return
            self.commitment = response.json()["id"]
            self.etag = response.headers["ETag"]
        self.delivered = 0

    @task(3)
    def edit(self):
        if self.commitment is None:
            return
        with self.client.patch(
            f"/api/v1/commitments/{self.commitment}/",
            json={"description": f"Edited {random.random()}"},
            headers={"If-Match": self.etag},
            name="/api/v1/commitments/[id]/ [edit]",
            catch_response=True,
        ) as response:
            if response.status_code == 200:
                self.etag = response.headers["ETag"]
            else:
                response.failure(f"edit answered {response.status_code}: {response.text[:200]}")

    @task(2)
    def report_progress(self):
        if self.commitment is None:
            return
        self.delivered = min(self.delivered + 1, 100)
        with self.client.post(
            "/api/v1/progress-reports/",
            json={
                "commitment": self.commitment,
                "status": "in_progress",
                "quantity_delivered": self.delivered,
                "narrative": "More diplomats trained.",
            },
            name="/api/v1/progress-reports/ [submit]",
            catch_response=True,
        ) as response:
            if response.status_code != 201:
                response.failure(f"report answered {response.status_code}: {response.text[:200]}")

    @task(2)
    def read_own(self):
        if self.commitment is None:
            return
        self.client.get(f"/api/v1/commitments/{self.commitment}/", name="/api/v1/commitments/[id]/")
