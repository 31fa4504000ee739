"""hooks/downloads.py: release files are links only in a release build."""

from __future__ import annotations

from downloads import release_files, render_download_links

from sitecheck.model import ReleaseFiles

FILES = ReleaseFiles("osteoimmunology", ("zh", "en"))  # edition.yml's slug, the site's languages

PAGE = (
    '<p><a href="download:osteoimmunology-zh.pdf">Chinese PDF</a>'
    ' and <a href="download:osteoimmunology-offline.zip">zip</a></p>'
)


def test_release_build_links_every_file_relative_to_the_page():
    html = render_download_links(PAGE, "en/downloads/", release_files(FILES, True, False), "run `make release`")
    assert '<a href="../../downloads/osteoimmunology-zh.pdf" data-release-file>Chinese PDF</a>' in html
    assert '<a href="../../downloads/osteoimmunology-offline.zip" data-release-file>zip</a>' in html


def test_plain_build_links_none_and_says_how_to_make_them():
    html = render_download_links(PAGE, "downloads/", release_files(FILES, False, False), "run `make release`")
    assert "<a " not in html and "download:" not in html
    assert html.count("run <code>make release</code>") == 2
    assert '<span class="release-file">Chinese PDF</span>' in html


def test_offline_package_does_not_link_to_itself():
    assert release_files(FILES, True, True) == ("osteoimmunology-zh.pdf", "osteoimmunology-en.pdf")
    html = render_download_links(PAGE, "downloads/", release_files(FILES, True, True), "not here")
    assert 'href="osteoimmunology-zh.pdf" data-release-file' in html  # the page is downloads/ itself
    assert '<span class="release-file">zip</span> <em' in html


def test_the_files_are_named_by_the_edition_slug_and_the_languages():
    files = ReleaseFiles("bone-course", ("zh", "en", "fr"))
    assert release_files(files, True, False) == (
        "bone-course-zh.pdf",
        "bone-course-en.pdf",
        "bone-course-fr.pdf",
        "bone-course-offline.zip",
        "bone-course-flashcards.apkg",
        "bone-course-flashcards.csv",
    )
    assert files.offline_folder == "bone-course-offline"
