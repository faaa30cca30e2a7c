"""The {% table %} tag: the scrollable region a heading names, header cells, caption, and the empty sentence."""

from django.template import Context, Template


def render(source: str, **context) -> str:
    return Template("{% load polku %}" + source).render(Context(context))


def test_it_wraps_the_rows_in_a_region_the_heading_names_with_column_headers():
    html = render(
        '{% table "Job" "Dates" rows=jobs labelledby="jobs-title" classes="striped" %}'
        "{% for job in jobs %}<tr><td>{{ job }}</td></tr>{% endfor %}{% endtable %}",
        jobs=["Cook"],
    )
    assert html == (
        '<div class="table-wrap" tabindex="0" role="region" aria-labelledby="jobs-title"><table class="striped">'
        '<thead><tr><th scope="col">Job</th><th scope="col">Dates</th></tr></thead>'
        "<tbody><tr><td>Cook</td></tr></tbody></table></div>"
    )


def test_it_says_the_empty_sentence_instead_of_an_empty_table():
    html = render('{% table "Job" rows=jobs labelledby="t" empty="No jobs." %}<tr></tr>{% endtable %}', jobs=[])
    assert html == '<p class="muted">No jobs.</p>'


def test_without_columns_the_content_is_the_whole_table_with_its_caption():
    html = render(
        '{% table labelledby="t" caption=caption %}<thead><tr><th>A</th></tr></thead>{% endtable %}',
        caption="Counts <by> service",
    )
    assert html == (
        '<div class="table-wrap" tabindex="0" role="region" aria-labelledby="t"><table>'
        '<caption class="visually-hidden">Counts &lt;by&gt; service</caption><thead><tr><th>A</th></tr></thead>'
        "</table></div>"
    )


def test_it_escapes_cell_labels_that_come_from_data():
    html = render('{% table label labelledby="t" %}{% endtable %}', label="<b>x</b>")
    assert '<th scope="col">&lt;b&gt;x&lt;/b&gt;</th>' in html
