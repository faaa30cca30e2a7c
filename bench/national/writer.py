"""Bulk inserts for the national data generator: executemany on SQLite, COPY on PostgreSQL.

Rows are tuples in the order of the named columns; the writer hands out primary keys itself, so the generator
knows every id without reading anything back. Columns left out get the field's default; a uuid field left out
gets a uuid from the writer's own seeded generator, so two runs write the same rows.
"""

import json
import random
import uuid
from datetime import UTC, date, datetime, time
from functools import lru_cache

from django.core.management.color import no_style
from django.db import connection, models

BATCH = 20_000


def _sqlite_converter(field):
    if isinstance(field, models.UUIDField):
        return lambda value: value.hex if value is not None else None
    if isinstance(field, models.JSONField):
        return json.dumps
    if isinstance(field, models.DateTimeField):
        return _sqlite_datetime
    if isinstance(field, models.DateField):
        return _sqlite_date
    if isinstance(field, models.DecimalField):
        return lambda value: str(value) if value is not None else None
    return None


@lru_cache(maxsize=4096)
def _sqlite_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


@lru_cache(maxsize=4096)
def _sqlite_datetime(value: datetime | None) -> str | None:
    """Django keeps naive UTC text in SQLite."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ") if value else None


def _postgres_converter(field):
    return json.dumps if isinstance(field, models.JSONField) else None


class Writer:
    def __init__(self, *, seed: int, now: datetime):
        self.vendor = connection.vendor
        self.now = now
        self.rng = random.Random(seed)
        self.next_ids: dict[type, int] = {}
        self.counts: dict[str, int] = {}
        self.models: set[type] = set()

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def ids(self, model, count: int) -> range:
        """The next `count` primary keys of the model's table."""
        if model not in self.next_ids:
            newest = model._base_manager.aggregate(top=models.Max("pk"))["top"] or 0
            self.next_ids[model] = newest + 1
        first = self.next_ids[model]
        self.next_ids[model] = first + count
        return range(first, first + count)

    def insert(self, model, columns: list[str], rows) -> int:
        """Insert rows (tuples in `columns` order) in batches; returns how many."""
        opts = model._meta
        given = [opts.get_field(name) for name in columns]
        names = {field.attname for field in given} | {field.name for field in given}
        extra = [f for f in opts.concrete_fields if f.attname not in names and not f.primary_key]
        fillers = [self._filler(field) for field in extra]
        fields = given + extra
        convert = _sqlite_converter if self.vendor == "sqlite" else _postgres_converter
        converters = [(index, fn) for index, field in enumerate(fields) if (fn := convert(field))]
        count, batch = 0, []
        for row in rows:
            values = list(row) + [fill() for fill in fillers]
            for index, fn in converters:
                values[index] = fn(values[index])
            batch.append(values)
            if len(batch) >= BATCH:
                self._write(opts.db_table, [f.column for f in fields], batch)
                count += len(batch)
                batch = []
        if batch:
            self._write(opts.db_table, [f.column for f in fields], batch)
            count += len(batch)
        self.counts[opts.label] = self.counts.get(opts.label, 0) + count
        self.models.add(model)
        return count

    def _filler(self, field):
        if isinstance(field, models.UUIDField):
            return self.uuid
        if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
            return lambda: self.now
        if field.has_default() and callable(field.default) and field.default not in (list, dict):
            raise ValueError(f"{field} has a callable default: give it explicitly")
        default = field.get_default()
        return lambda: default

    def _write(self, table: str, columns: list[str], rows: list[list]) -> None:
        quote = connection.ops.quote_name
        column_list = ", ".join(quote(c) for c in columns)
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quote(table)} ({column_list}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {quote(table)} ({column_list}) VALUES ({marks})", rows)

    def finish(self) -> None:
        """Move PostgreSQL's sequences past the ids written here (SQLite's AUTOINCREMENT follows by itself)."""
        if self.vendor == "postgresql":
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), list(self.models)):
                    cursor.execute(sql)


def at(day: date, hour: int = 15) -> datetime:
    """A timestamp on the day, for created/updated columns."""
    return datetime.combine(day, time(hour), tzinfo=UTC)
