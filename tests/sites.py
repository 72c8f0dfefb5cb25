"""Small fixture sites for the model and validator tests: a valid baseline that a test breaks."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

BASELINE: dict[str, str] = {
    "docs/index.md": """
        ---
        id: home
        kind: page
        title: Trang chủ
        ---
        Xem [[II.1.a.1]] và [[nq-88|Nghị quyết 88]].
        """,
    "docs/index.en.md": """
        ---
        id: home
        kind: page
        title: Home
        ---
        See [[II.1.a.1]].
        """,
    "docs/agreement/index.md": """
        ---
        id: agreement
        kind: page
        title: Văn bản
        ---
        {{ agreement_metadata }}

        {{ agreement_text }}
        """,
    "docs/agreement/index.en.md": """
        ---
        id: agreement
        kind: page
        title: The agreement
        ---
        {{ agreement_text }}
        """,
    "docs/policies/nq-88.md": """
        ---
        id: nq-88
        kind: policy
        title: Nghị quyết 88/2019/QH14
        number: 88/2019/QH14
        full_title: Nghị quyết phê duyệt Đề án tổng thể
        doc_type: resolution
        issuer: Quốc hội
        date: 2019-11-18
        in_force: null
        status: in-force
        status_source: https://thuvienphapluat.vn/van-ban/nq-88
        topics: [ethnic-affairs]
        verification: verified
        full_text: https://thuvienphapluat.vn/van-ban/nq-88
        source:
          - https://thuvienphapluat.vn/
        clauses:
          - II.1.a.1
        ---
        Tóm tắt.
        """,
    "docs/policies/nq-88.en.md": """
        ---
        id: nq-88
        kind: policy
        title: Resolution 88/2019/QH14
        full_title: Resolution approving the Master Plan
        issuer: National Assembly
        number: 88/2019/QH14
        ---
        Summary.
        """,
    "docs/modules/m01.md": """
        ---
        id: m01
        kind: module
        title: Học phần 1
        code: HP01
        audience: Cán bộ Hội
        objectives: [Hiểu nhiệm vụ]
        lead: hlhpn
        version: "1.0"
        changelog:
          - {date: 2026-11-26, text: Bản đầu tiên.}
        clauses:
          - II.1.a.2
        policies:
          - nq-88
        ---
        Học phần thực hiện [[II.1.a.2]].

        ```
        [[not-a-reference]] {{ not_a_placeholder }}
        ```

        ## Điểm chính {#key-points}

        - Một điểm.

        ## Tài liệu phát tay {#handouts}

        ### Phiếu 1

        ## Tự kiểm tra {#quiz}

        ### Câu 1

        Câu hỏi?

        ??? answer
            Đáp án A.

        ## Ghi chú cho báo cáo viên {#facilitator-notes}

        ??? trainer
            Ghi chú.
        """,
    "docs/modules/m01.en.md": """
        ---
        id: m01
        kind: module
        title: Module 1
        audience: Union cadres
        objectives: [Understand the task]
        changelog:
          - {date: 2026-11-26, text: First edition.}
        ---
        The module implements [[II.1.a.2|the training task]]. Code: `[[literal]]`.

        ## Key points {#key-points}

        - A point.

        ## Handouts {#handouts}

        ### Handout 1

        ## Self-check quiz {#quiz}

        ### Question 1

        Question?

        ??? answer
            Answer A.

        ## Facilitator notes {#facilitator-notes}

        ??? trainer
            Notes.
        """,
}


def question_bank(module: str, objectives: int = 1, items: int = 10) -> str:
    """A whole question bank for a fixture module: `items` items spread over its objectives."""
    out = [f"module: {module}", "items:"]
    for n in range(1, items + 1):
        out += [f"  - id: {module}-q{n:02d}", f"    objective: {(n - 1) % objectives + 1}", "    answer: B"]
        for lang, word in (("vi", "Câu"), ("en", "Question")):
            out += [f"    {lang}:", f"      question: {word} {n}?", f"      options: [{word} A, {word} B, {word} C]",
                    f"      explanation: {word} B."]
    return "\n".join(out) + "\n"


BASELINE["data/questions/m01.yml"] = question_bank("m01")


def make_site(root: Path, changes: dict[str, str | None] | None = None) -> Path:
    """Write the baseline site under `root`, with `changes` (path -> text, or None to delete)."""
    files = {**BASELINE, **(changes or {})}
    for rel, content in files.items():
        if content is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    (root / "data").mkdir(exist_ok=True)
    if not (root / "data/agreement.yml").exists():
        shutil.copy(FIXTURES / "agreement.yml", root / "data/agreement.yml")
    return root
