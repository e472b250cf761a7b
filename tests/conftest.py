import pytest


@pytest.fixture(scope="session")
def extractor():
    from claimcheck.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def checker():
    from claimcheck.checker import Checker

    return Checker()


@pytest.fixture(scope="session")
def extract(extractor):
    def run(text, source="draft.txt", format=None):
        return extractor.extract_text(text, source=source, format=format)

    return run


@pytest.fixture(scope="session")
def check(checker):
    def run(text, source="draft.txt", format=None):
        return checker.check_text(text, source=source, format=format)

    return run


@pytest.fixture(scope="session")
def reference():
    from claimcheck.reference.loader import default_reference_path, load_reference

    return load_reference(default_reference_path())
