"""Every key in every locale, the same placeholders everywhere, no literals in code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as fast

from bot.i18n import split_entries
from services.locale import LOCALES

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SENDERS = {"answer", "reply", "send_message", "edit_text", "edit_message_text", "send_photo",
           "send_document", "answer_photo", "answer_document", "edit_caption"}
KEY_CALLS = {"get", "fragment", "Button", "Notice", "t"}


def _variables(node: object) -> set[str]:
    found: set[str] = set()

    def walk(n: object) -> None:
        if isinstance(n, fast.VariableReference):
            found.add(n.id.name)
        if isinstance(n, fast.BaseNode):
            for value in vars(n).values():
                if isinstance(value, list):
                    for v in value:
                        walk(v)
                else:
                    walk(value)

    walk(node)
    return found


def catalog(locale: str) -> dict[str, set[str]]:
    messages: dict[str, set[str]] = {}
    for path in sorted((ROOT / "locales" / locale).rglob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            if isinstance(entry, fast.Junk):
                pytest.fail(f"{path}: unparsable entry {entry.content[:60]!r}")
            if isinstance(entry, fast.Message):
                assert entry.id.name not in messages, f"{path}: {entry.id.name} defined twice"
                messages[entry.id.name] = _variables(entry)
    return messages


CATALOGS = {loc: catalog(loc) for loc in LOCALES}


def test_every_locale_has_every_key() -> None:
    every = set().union(*CATALOGS.values())
    for loc, msgs in CATALOGS.items():
        missing = sorted(every - set(msgs))
        assert not missing, f"locales/{loc} lacks {missing}"


def test_placeholders_agree_between_locales() -> None:
    base = CATALOGS["zh-Hans"]
    for loc in LOCALES[1:]:
        for key, variables in base.items():
            assert CATALOGS[loc].get(key) == variables, (
                f"{key}: zh-Hans uses {sorted(variables)}, {loc} uses "
                f"{sorted(CATALOGS[loc].get(key, set()))}"
            )


def _code_files() -> list[Path]:
    return sorted([*(ROOT / "handlers").rglob("*.py"), *(ROOT / "services").rglob("*.py")])


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


@pytest.mark.parametrize("path", _code_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_user_facing_literals(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    problems = []
    for node in ast.walk(tree):
        literal = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if literal and id(node) not in docs and CJK.search(node.value) \
                and not _is_data_table(node, tree):
            problems.append(f"line {node.lineno}: CJK literal {node.value[:30]!r}")
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else None
            if name in SENDERS:
                texts = list(node.args[:1]) + [k.value for k in node.keywords
                                              if k.arg in ("text", "caption")]
                for t in texts:
                    if isinstance(t, ast.Constant | ast.JoinedStr):
                        problems.append(f"line {node.lineno}: literal text sent via {name}()")
    assert not problems, "\n".join(problems)


def _is_data_table(node: ast.Constant, tree: ast.AST) -> bool:
    """Recognised input vocabularies (e.g. hashtags people type) are data, not output."""
    for parent in ast.walk(tree):
        if not isinstance(parent, ast.Assign | ast.AnnAssign):
            continue
        targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        vocabulary = any(n.isupper() and n.endswith(("_INPUT", "_ALIASES", "_TAGS")) for n in names)
        if vocabulary and any(child is node for child in ast.walk(parent)):
            return True
    return False


def test_every_key_used_in_code_exists() -> None:
    keys = set(CATALOGS["zh-Hans"])
    pattern = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$")
    missing = []
    for path in [*_code_files(), *(ROOT / "bot").rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else (
                node.func.id if isinstance(node.func, ast.Name) else None)
            candidates = []
            if name in KEY_CALLS and node.args:
                candidates.append(node.args[0])
            candidates += [k.value for k in node.keywords if k.arg in ("text_key", "key_")]
            for c in candidates:
                if isinstance(c, ast.Constant) and isinstance(c.value, str) \
                        and pattern.match(c.value) and c.value not in keys:
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {c.value}")
    assert not missing, "keys used in code but absent from locales: " + ", ".join(missing)


@pytest.mark.parametrize(
    "path", sorted((ROOT / "locales").rglob("*.ftl")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_each_entry_read_alone_is_the_entry_of_the_whole_file(path: Path) -> None:
    """The bot parses an entry from its own slice of the file when it is first used; the
    slice must hold exactly what the whole file says about that id (comments aside)."""
    source = path.read_text(encoding="utf-8")
    whole = {
        ("-" if isinstance(e, fast.Term) else "") + e.id.name: e
        for e in FluentParser(with_spans=False).parse(source).body
        if isinstance(e, fast.Message | fast.Term)
    }
    messages, terms = split_entries(source)
    alone = {**{f"-{k}": v for k, v in terms.items()}, **messages}
    assert alone.keys() == whole.keys()
    parser = FluentParser(with_spans=False)
    for key, text in alone.items():
        entry = parser.parse_entry(text)
        expected = whole[key]
        expected.comment = entry.comment = None
        assert entry.equals(expected), f"{path}: {key} reads differently alone"
