"""Audit the installed dependencies for known vulnerabilities with pip-audit, and say honestly what it could check.

    python scripts/audit.py            # in the project's virtual environment (CI runs it)

Fails (exit 1) when pip-audit reports a vulnerability. pip-audit looks each package up in PyPI's per-release JSON
API or in OSV; where neither answers (a registry mirror without that API, no route to osv.dev) it skips the
package, so this prints how many packages were really audited instead of a misleading "no known vulnerabilities".
The advisories GUIDE.md tracks by hand are listed after it with how the product avoids them.
"""

import json
import subprocess
import sys

TRACKED = {
    # package: (advisory, how reportqa is not exposed)
    "chromadb": (
        "CVE-2026-45829, pre-auth in Chroma's HTTP server, 1.0.0 to 1.5.9",
        "Chroma runs in-process by default; in server mode (REPORTQA_CHROMA_URL) it must stay on a private network "
        "(docs/deploy.md). No fixed release exists yet.",
    ),
}


def main() -> int:
    result = subprocess.run(
        [sys.executable, "-m", "pip_audit", "--progress-spinner", "off", "--format", "json", "--skip-editable"],
        capture_output=True,
        text=True,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(f"pip-audit did not run: {result.stderr.strip()[-500:]}")
        return 1
    dependencies = report["dependencies"]
    skipped = [d for d in dependencies if "skip_reason" in d]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    audited = len(dependencies) - len(skipped)
    counts = f"{audited} audited, {len(skipped)} skipped, {len(vulnerable)} vulnerable"
    print(f"pip-audit: {len(dependencies)} packages, {counts}")
    if skipped and not audited:
        print("  nothing could be audited here: the vulnerability services (PyPI's per-release JSON API, osv.dev)")
        print("  are not reachable from this network; run this script where they are before a release.")
    for dependency in vulnerable:
        ids = ", ".join(v["id"] for v in dependency["vulns"])
        print(f"  VULNERABLE {dependency['name']} {dependency['version']}: {ids}")
    installed = {d["name"].lower(): d.get("version", "?") for d in dependencies}
    for package, (advisory, mitigation) in TRACKED.items():
        if package in installed:
            print(f"  tracked: {package} ({advisory}). {mitigation}")
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
