"""Full-text search over translated records, in the reader's language.

Each searchable model names its text once, in a ``SearchFields``: the title fields (weight A) and
the body fields (weight B). From it come

- the search vector of each language, over the text a reader of that language sees (the field in
  that language, or modeltranslation's fallback when it is empty), with PostgreSQL's ``arabic``,
  ``english`` or ``french`` text-search configuration;
- one GIN index per language on exactly that expression (``indexes()`` in the model's Meta), so
  ``@@`` is answered from the index: the query and the index are built from the same expression;
- on SQLite (``make run`` without PostgreSQL), a plain fallback: every word of the query must occur
  in the title or body (``icontains``), without ranking.

A selector of a domain app turns a model's queryset into rows of the shape every search shares
(``SearchFields.rows``): ``hit_kind``, ``hit_record`` (the primary key), ``hit_rank``, ``hit_title``
and ``hit_snippet``, the last two with
the matched words between private-use marks. ``highlight()`` escapes that text for HTML and turns
the marks into ``<mark>``: the stored text is never trusted as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection
from django.db.models import (
    CharField,
    Expression,
    F,
    FloatField,
    Index,
    IntegerField,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Concat, NullIf
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# PostgreSQL 15 ships these three text-search configurations (stemming and stop words).
CONFIGS = {"ar": "arabic", "en": "english", "fr": "french"}
# Names, codes and free text in any language: no stemming, no stop words.
NEUTRAL_CONFIG = "simple"
# Around a matched word in a headline: private-use characters, which no form lets through
# unescaped and which ``highlight`` alone turns into markup.
START, STOP = "\ue000", "\ue001"
MAX_QUERY_LENGTH = 200
HIT_COLUMNS = ("hit_kind", "hit_order", "hit_record", "hit_rank")
SNIPPET_OPTIONS: dict[str, Any] = {"max_words": 30, "min_words": 12, "max_fragments": 2}


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def resolution_order(language: str) -> list[str]:
    """The languages whose text a reader of ``language`` sees, first non-empty wins
    (``MODELTRANSLATION_FALLBACK_LANGUAGES``, as modeltranslation resolves it)."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    order = [language, *fallbacks.get(language, ()), *fallbacks.get("default", ())]
    return list(dict.fromkeys(order))


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


@dataclass(frozen=True)
class Plain:
    """A field that is not translated (a code, a symbol): searched as it is in every language."""

    name: str


def displayed(name: str | Plain, language: str):
    """The text of a field as a reader of ``language`` sees it."""
    if isinstance(name, Plain):
        return Cast(F(name.name), output_field=TextField())
    columns = [f"{name}_{code}" for code in resolution_order(language)]
    if len(columns) == 1:
        return Cast(F(columns[0]), output_field=TextField())
    return Coalesce(
        *(NullIf(F(column), Value(""), output_field=TextField()) for column in columns[:-1]),
        F(columns[-1]),
        output_field=TextField(),
    )


def _joined(expressions: list, separator: str = " "):
    if len(expressions) == 1:
        return Coalesce(expressions[0], Value(""), output_field=TextField())
    if separator.strip():
        # Only between fields that have text: a missing theme leaves no stray " — ".
        parts: list[Expression] = [Coalesce(expressions[0], Value(""), output_field=TextField())]
        for expression in expressions[1:]:
            parts.append(
                Coalesce(
                    Concat(
                        Value(separator, output_field=TextField()),
                        NullIf(expression, Value(""), output_field=TextField()),
                        output_field=TextField(),
                    ),
                    Value(""),
                    output_field=TextField(),
                )
            )
        return Concat(*parts, output_field=TextField())
    parts = []
    for expression in expressions:
        parts += [
            Coalesce(expression, Value(""), output_field=TextField()),
            Value(separator, output_field=TextField()),
        ]
    return Concat(*parts[:-1], output_field=TextField())


@dataclass(frozen=True)
class SearchFields:
    """What a model's records are found by: ``title`` (weight A) and ``body`` (weight B).

    ``translated=False`` for text in no particular language (people's names, free narratives):
    searched with the ``simple`` configuration whatever the reader's language.
    """

    title: tuple
    body: tuple = ()
    # The fields of a result's title, when not the title fields (e.g. a name without its codes).
    shown: tuple = ()
    translated: bool = True
    index_prefix: str = ""
    indexed: bool = True

    def config(self, language: str) -> str:
        return CONFIGS.get(language, NEUTRAL_CONFIG) if self.translated else NEUTRAL_CONFIG

    def _fields(self, names: tuple, language: str) -> list:
        if self.translated:
            return [displayed(name, language) for name in names]
        return [
            Cast(F(name.name if isinstance(name, Plain) else name), output_field=TextField())
            for name in names
        ]

    def title_text(self, language: str):
        return _joined(self._fields(self.title, language))

    def body_text(self, language: str):
        if not self.body:
            return Value("", output_field=TextField())
        return _joined(self._fields(self.body, language))

    def vector(self, language: str) -> Expression:
        config = self.config(language)
        vector: Expression = SearchVector(
            *self._fields(self.title, language), config=config, weight="A"
        )
        if self.body:
            vector = vector + SearchVector(
                *self._fields(self.body, language), config=config, weight="B"
            )
        return vector

    def vector_languages(self) -> list[str]:
        return languages() if self.translated else [languages()[0]]

    def indexes(self) -> list[Index]:
        """A GIN index per language on the search vector (on PostgreSQL only)."""
        if not self.indexed:
            return []
        return [
            PostgresGinIndex(self.vector(language), name=f"{self.index_prefix}_search_{language}")
            for language in self.vector_languages()
        ]

    def _tsquery(self, query: TextQuery) -> SearchQuery:
        return SearchQuery(query.text, config=self.config(query.language), search_type="websearch")

    def matching(self, queryset: QuerySet, query: TextQuery) -> QuerySet:
        """The records of ``queryset`` that match ``query`` (from the GIN index on PostgreSQL)."""
        language = query.language
        if is_postgresql():
            return queryset.alias(search=self.vector(language)).filter(search=self._tsquery(query))
        matched = queryset.alias(
            search_text=Concat(
                self.title_text(language),
                Value(" "),
                self.body_text(language),
                output_field=TextField(),
            )
        )
        for word in query.words:
            matched = matched.filter(Q(search_text__icontains=word))
        return matched

    def rows(self, matched: QuerySet, query: TextQuery, *, kind: str, order: int = 0) -> QuerySet:
        """Records ``matching`` the query as the rows every search shares: ``hit_kind``,
        ``hit_order`` (which kind comes first among equal ranks), ``hit_record`` (the primary key)
        and ``hit_rank`` (the title weighs more than the body; 0 on SQLite)."""
        rank: Expression
        if is_postgresql():
            rank = SearchRank(self.vector(query.language), self._tsquery(query))
        else:
            rank = Value(0.0, output_field=FloatField())
        annotated = matched.order_by().annotate(
            hit_kind=Value(kind, output_field=CharField()),
            hit_order=Value(order, output_field=IntegerField()),
            hit_record=F("pk"),
            hit_rank=Cast(rank, output_field=FloatField()),
        )
        # Django's own values(): modeltranslation's would lose the order of the columns, which a
        # union of several models' rows needs.
        return QuerySet.values(annotated, *HIT_COLUMNS)

    def highlighted(self, queryset: QuerySet, query: TextQuery) -> QuerySet:
        """``queryset`` with ``hit_title`` (the whole title) and ``hit_snippet`` (the passages of
        the body that match), the matched words between START and STOP on PostgreSQL.

        For the few records of a page of results: a headline costs more than the search."""
        language = query.language
        title = _joined(self._fields(self.shown or self.title, language), " — ")
        body = (
            _joined(self._fields(self.body, language), " · ")
            if self.body
            else Value("", output_field=TextField())
        )
        if not is_postgresql():
            return queryset.annotate(hit_title=title, hit_snippet=body)
        tsquery, config = self._tsquery(query), self.config(language)
        marks: dict[str, Any] = {"start_sel": START, "stop_sel": STOP}
        snippet = (
            SearchHeadline(
                body, tsquery, config=config, fragment_delimiter=" … ", **marks, **SNIPPET_OPTIONS
            )
            if self.body
            else body
        )
        return queryset.annotate(
            hit_title=SearchHeadline(title, tsquery, config=config, highlight_all=True, **marks),
            hit_snippet=snippet,
        )


class PostgresGinIndex(GinIndex):
    """A GIN index on PostgreSQL; nothing on SQLite (which ``make run`` may use), which has none."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return ""
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return ""
        return super().remove_sql(model, schema_editor, **kwargs)


@dataclass(frozen=True)
class TextQuery:
    """What a reader typed, and the language they read in."""

    text: str
    language: str

    @property
    def words(self) -> list[str]:
        return [word for word in re.split(r"\s+", self.text.replace('"', " ")) if word]


def highlight(text: str, query: TextQuery | None = None) -> SafeString:
    """``text`` escaped for HTML, its matched words in ``<mark>``.

    PostgreSQL marks the matches with START/STOP; on SQLite, the query's words are marked here.
    Stray or unbalanced marks never produce unbalanced markup.
    """
    text = text or ""
    if START not in text and query is not None and not is_postgresql():
        words = [re.escape(word) for word in query.words]
        if words:
            text = re.sub(
                "(" + "|".join(words) + ")", f"{START}\\1{STOP}", text, flags=re.IGNORECASE
            )
    output, inside = [], False
    for part in re.split(f"([{START}{STOP}])", text):
        if part == START:
            if not inside:
                output.append("<mark>")
                inside = True
        elif part == STOP:
            if inside:
                output.append("</mark>")
                inside = False
        else:
            output.append(escape(part))
    if inside:
        output.append("</mark>")
    return mark_safe("".join(output))
