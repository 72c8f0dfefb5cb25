"""The publishing workflow can pass on a fresh runner: it only runs the tested commands of scripts/dev.sh.

.github/workflows/site.yml cannot run here, so this reads it and checks what made it fail before: a step
that ran Python before anything was installed, and Ubuntu's chromium (a snap stub that does not run).
Each check is also run on a broken copy of the workflow, to prove it sees the mistake.
"""

from __future__ import annotations

import copy
import re
import shlex
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
CONTAINER = "python:3.11-bookworm"  # what the messages suggest: Debian 12, like the developers' machines

# Commands that need the project's packages (or are the project's own) and so must go through dev.sh.
PROJECT_TOOLS = re.compile(r"(python|pip|pytest|py\.test)[0-9.]*|mkdocs|properdocs")
# Commands a fresh Debian container has, that need nothing the set-up installs.
SYSTEM_COMMANDS = {"apt-get", "git", "echo", "printf", "cd", "mkdir", "ls", "cat", "test", "[", "true", "export"}
# Browsers other than Debian's `chromium` package, and ways of downloading one.
OTHER_BROWSERS = re.compile(r"chromium-browser|\bsnap\b|playwright\s+install|npx\s+playwright|google-chrome|"
                            r"\bchrome\b|setup-chrome|puppeteer|firefox|webkit|msedge", re.IGNORECASE)
WRAPPERS = {"sudo", "env", "exec", "time", "command", "nohup"}
OPERATORS = {"&&", "||", ";", "|", "&", "(", ")", ";;"}


def load() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def commands(script: str) -> list[list[str]]:
    """The simple commands of a `run:` script, each as its words, without `VAR=value` prefixes and
    wrappers such as sudo: `CI=true python x.py && bash scripts/dev.sh test` is two commands."""
    found = []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        command: list[str] = []
        for word in [*lexer, ";"]:
            if word in OPERATORS:
                if command:
                    found.append(command)
                command = []
            elif command or not (re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", word) or word in WRAPPERS):
                command.append(word)
    return found


def is_dev_sh(command: list[str]) -> bool:
    return command[:2] == ["bash", "scripts/dev.sh"]


def steps(workflow: dict):
    """(job name, step number from 1, step name, step) for every step of every job."""
    for job_name, job in workflow["jobs"].items():
        for number, step in enumerate(job.get("steps", []), 1):
            yield job_name, number, step.get("name") or step.get("uses") or step.get("run", "")[:60], step


def run_commands(workflow: dict):
    """(where, command) for every command of every `run:` step; `where` names the job and the step."""
    for job_name, number, name, step in steps(workflow):
        for command in commands(step.get("run", "")):
            yield f"job '{job_name}', step {number} ({name!r})", command


def check_containers(workflow: dict) -> list[str]:
    """Every job runs in Debian 12, where Debian's chromium is a real browser and the tests were made."""
    problems = []
    for job_name, job in workflow["jobs"].items():
        container = job.get("container")
        image = container.get("image", "") if isinstance(container, dict) else container or ""
        if "bookworm" not in image.rpartition(":")[2]:
            problems.append(f"job '{job_name}' runs on {job.get('runs-on')!r} in {image or 'no container'}: "
                            f"add `container: {CONTAINER}` (Debian 12: chromium there is a real browser, and it "
                            "is the system the tests pass on)")
    return problems


def check_direct_calls(workflow: dict) -> list[str]:
    """Python, pip, MkDocs, pytest and the project's scripts are run only by scripts/dev.sh, which is tested."""
    problems = []
    for where, command in run_commands(workflow):
        tool = Path(command[0]).name
        scripts = [word for word in command if "scripts/" in word]
        if PROJECT_TOOLS.fullmatch(tool) or (scripts and not is_dev_sh(command)):
            problems.append(f"{where} runs `{shlex.join(command)}` directly: run `bash scripts/dev.sh "
                            "check|test|build` instead (it sets up the pinned packages first and is what the "
                            "tests run); add a command to scripts/dev.sh if none of these does it")
    return problems


def check_setup_first(workflow: dict) -> list[str]:
    """Nothing runs without the project's packages: every command is either dev.sh (which installs them
    before it runs anything) or a system command of the container."""
    problems = []
    for where, command in run_commands(workflow):
        if not is_dev_sh(command) and Path(command[0]).name not in SYSTEM_COMMANDS:
            problems.append(f"{where} runs `{shlex.join(command)}`, which is neither `bash scripts/dev.sh …` nor a "
                            f"system command ({', '.join(sorted(SYSTEM_COMMANDS))}): nothing has installed the "
                            "project's packages for it. Run it through scripts/dev.sh; for a Debian package, "
                            "install it with apt-get in dev.sh or in a step of its own")
    return problems


def check_browser(workflow: dict) -> list[str]:
    """The browser tests drive Debian's chromium package (dev.sh test installs it); nothing downloads one."""
    problems = []
    for job_name, number, name, step in steps(workflow):
        text = yaml.safe_dump({key: step[key] for key in ("uses", "with", "run") if key in step})
        for match in OTHER_BROWSERS.finditer(text):
            problems.append(f"job '{job_name}', step {number} ({name!r}) names {match.group(0)!r}: use Debian's "
                            "`chromium` package only, which `bash scripts/dev.sh test` installs when it is missing "
                            "(a snap, Chrome or a browser that Playwright downloads is not what the tests drive)")
    return problems


def check_checkout(workflow: dict) -> list[str]:
    """Each job checks out the whole history first: page dates and the PDFs' versions come from git, and a
    shallow clone makes the build stop."""
    problems = []
    for job_name, job in workflow["jobs"].items():
        job_steps = job.get("steps", [])
        first = job_steps[0] if job_steps else {}
        if not str(first.get("uses", "")).startswith("actions/checkout@"):
            problems.append(f"job '{job_name}' does not start with `uses: actions/checkout@v4`: check the "
                            "repository out first, every other step works in it")
        for number, step in enumerate(job_steps, 1):
            if str(step.get("uses", "")).startswith("actions/checkout@") and \
                    str((step.get("with") or {}).get("fetch-depth")) != "0":
                problems.append(f"job '{job_name}', step {number}: the checkout is shallow: add `with: "
                                "fetch-depth: 0` (the build reads each page's dates from the whole git history "
                                "and refuses a shallow clone)")
    return problems


def check_safe_directory(workflow: dict) -> list[str]:
    """In a container the checkout belongs to the runner's user and git, run as root, refuses to read it
    ("dubious ownership") unless told the folder is safe, before dev.sh runs git."""
    problems = []
    for job_name, job in workflow["jobs"].items():
        trusted = False
        for step in job.get("steps", []):
            for command in commands(step.get("run", "")):
                if command[:4] == ["git", "config", "--global", "--add"] and "safe.directory" in command:
                    trusted = True
                if is_dev_sh(command) and not trusted:
                    problems.append(f"job '{job_name}' runs `{shlex.join(command)}` before git trusts the checkout: "
                                    "add a step `git config --global --add safe.directory \"$GITHUB_WORKSPACE\"` "
                                    "after actions/checkout")
    return problems


def check_annotations(workflow: dict) -> list[str]:
    """The content check prints its problems as annotations on the diff when CI=true."""
    problems = []
    for job_name, number, name, step in steps(workflow):
        for command in commands(step.get("run", "")):
            if command[:3] == ["bash", "scripts/dev.sh", "check"]:
                env = {**workflow.get("env", {}), **workflow["jobs"][job_name].get("env", {}), **step.get("env", {})}
                inline = re.search(r"\bCI=true\b", step["run"])
                if str(env.get("CI")).lower() != "true" and not inline:
                    problems.append(f"job '{job_name}', step {number} ({name!r}) runs the content check without "
                                    "CI=true: add `env: {CI: \"true\"}` to the step, so that its problems show as "
                                    "annotations on the pull request's diff")
    return problems


CHECKS = {check.__name__.removeprefix("check_"): check for check in (
    check_containers, check_direct_calls, check_setup_first, check_browser, check_checkout,
    check_safe_directory, check_annotations)}


@pytest.mark.parametrize("check", CHECKS)
def test_the_workflow_passes(check):
    problems = CHECKS[check](load())
    assert not problems, "\n".join(problems)


def test_the_workflow_runs_each_tested_command():
    """The test job checks the content and runs the suite; the publish job builds what it uploads."""
    workflow = load()
    runs = {job: [shlex.join(command[:3]) for _, _, _, step in steps({"jobs": {job: body}})
                  for command in commands(step.get("run", "")) if is_dev_sh(command)]
            for job, body in workflow["jobs"].items()}
    assert runs["test"] == ["bash scripts/dev.sh check", "bash scripts/dev.sh test"], \
        f"the test job should run `bash scripts/dev.sh check` then `bash scripts/dev.sh test`, not {runs['test']}"
    assert runs["publish"] == ["bash scripts/dev.sh build"], \
        f"the publish job should build with `bash scripts/dev.sh build`, not {runs['publish']}"
    uploads = [step for step in workflow["jobs"]["publish"]["steps"]
               if str(step.get("uses", "")).startswith("actions/upload-pages-artifact@")]
    assert [step["with"]["path"] for step in uploads] == ["site"], \
        "the publish job should upload `site` (what dev.sh build makes) with actions/upload-pages-artifact"


def test_commands_are_split_as_the_shell_does():
    assert commands('CI=true python scripts/check_content.py && sudo apt-get install -y chromium # a note\n'
                    'git config --global --add safe.directory "$GITHUB_WORKSPACE"; bash scripts/dev.sh \\\n test') == [
        ["python", "scripts/check_content.py"], ["apt-get", "install", "-y", "chromium"],
        ["git", "config", "--global", "--add", "safe.directory", "$GITHUB_WORKSPACE"],
        ["bash", "scripts/dev.sh", "test"]]


# Broken copies of the workflow: each mistake, and the check that must see it.
def step_running(workflow: dict, job: str, fragment: str) -> dict:
    return next(step for step in workflow["jobs"][job]["steps"] if fragment in step.get("run", ""))


def set_run(job: str, fragment: str, script: str):
    def mutate(workflow):
        step_running(workflow, job, fragment)["run"] = script
    return mutate


def insert_step(job: str, index: int, step: dict):
    def mutate(workflow):
        workflow["jobs"][job]["steps"].insert(index, step)
    return mutate


def set_container(job: str, container):
    def mutate(workflow):
        if container is None:
            workflow["jobs"][job].pop("container")
        else:
            workflow["jobs"][job]["container"] = container
    return mutate


def set_checkout(job: str, options):
    def mutate(workflow):
        checkout = workflow["jobs"][job]["steps"][0]
        if options is None:
            workflow["jobs"][job]["steps"].remove(checkout)
        else:
            checkout["with"] = options
    return mutate


def drop_step(job: str, fragment: str):
    def mutate(workflow):
        workflow["jobs"][job]["steps"].remove(step_running(workflow, job, fragment))
    return mutate


def drop_check_env(workflow):
    step_running(workflow, "test", "dev.sh check").pop("env")


MISTAKES = {
    "no container": ("containers", set_container("publish", None)),
    "Ubuntu's container": ("containers", set_container("test", "ubuntu:24.04")),
    "an older Debian": ("containers", set_container("test", {"image": "python:3.11-bullseye"})),
    "check_content.py on a bare Python": ("direct_calls", set_run("test", "dev.sh check",
                                                                  "CI=true python scripts/check_content.py")),
    "pytest from the venv": ("direct_calls", set_run("test", "dev.sh test", ".venv/bin/pytest -x")),
    "mkdocs build": ("direct_calls", set_run("publish", "dev.sh build", "mkdocs build --strict")),
    "pip install": ("direct_calls", insert_step("test", 1, {"run": "pip install -r requirements.txt"})),
    "another script": ("direct_calls", insert_step("test", 3, {"run": "bash scripts/lighthouse.sh"})),
    "a tool before the set-up": ("setup_first", insert_step("test", 1, {"run": "pre-commit run --all-files"})),
    "WeasyPrint's command": ("setup_first", set_run("publish", "dev.sh build", "weasyprint site/index.html a.pdf")),
    "Ubuntu's chromium-browser": ("browser", insert_step("test", 3, {"run": "apt-get install -y chromium-browser"})),
    "a snap": ("browser", insert_step("test", 3, {"run": "snap install chromium"})),
    "Playwright's download": ("browser", set_run("test", "dev.sh test",
                                                 "bash scripts/dev.sh test && playwright install chromium")),
    "npx playwright": ("browser", insert_step("test", 3, {"run": "npx playwright install --with-deps"})),
    "Chrome's action": ("browser", insert_step("test", 1, {"uses": "browser-actions/setup-chrome@v1"})),
    "google-chrome": ("browser", insert_step("test", 3, {"run": "apt-get install -y google-chrome-stable"})),
    "a shallow checkout": ("checkout", set_checkout("test", {})),
    "a checkout of depth 1": ("checkout", set_checkout("publish", {"fetch-depth": 1})),
    "no checkout": ("checkout", set_checkout("publish", None)),
    "git not trusting the checkout": ("safe_directory", drop_step("test", "safe.directory")),
    "no annotations": ("annotations", drop_check_env),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_each_check_catches_its_mistake(mistake):
    check, mutate = MISTAKES[mistake]
    workflow = copy.deepcopy(load())
    mutate(workflow)
    assert CHECKS[check](workflow), f"check_{check} does not see {mistake}"


def test_a_container_given_as_a_mapping_is_read():
    workflow = load()
    set_container("test", {"image": CONTAINER, "options": "--user root"})(workflow)
    assert check_containers(workflow) == []
