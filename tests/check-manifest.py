#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check Netbook's Flatpak manifest offline.

    check-manifest.py [--schema FILE] MANIFEST
        Netbook's own rules (id, runtime, SDK, command, the exact sandbox
        permissions, a single Meson module built from the source tree), then
        the JSON schema flatpak-builder manifests are linted against.

    check-manifest.py --flatpak-builder MANIFEST
        Let flatpak-builder itself parse the manifest
        (flatpak-builder --show-manifest, with G_DEBUG=fatal-warnings so that
        unknown keys fail). Exits 77 (skipped) without flatpak-builder.

The schema, tests/flatpak-manifest.schema.json, is a copy of the one in
flathub-infra/flatpak-builder-lint (https://github.com/flathub-infra/flatpak-builder-lint),
MIT licence, Copyright (c) the flatpak-builder-lint authors.

Exit codes follow Meson's "exitcode" test protocol: 0 pass, 1 fail, 77 skip.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys

EXIT_PASS, EXIT_FAIL, EXIT_SKIP = 0, 1, 77

APP_ID = "com.example.Netbook"
RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
COMMAND = "netbook"
# Everything Netbook needs: a display and the GPU. No network, no files
# (imports and exports go through the portals), no D-Bus names.
FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}
FORBIDDEN_PREFIXES = (
    "--share=network",
    "--filesystem",
    "--socket=x11",
    "--device=all",
    "--talk-name",
    "--own-name",
    "--system-talk-name",
)
DEFAULT_SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              "flatpak-manifest.schema.json")


class StrictLoader:
    """A yaml SafeLoader that refuses duplicate keys (flatpak-builder's json-glib
    parser would silently keep one of them)."""

    @staticmethod
    def make():
        import yaml

        class Loader(yaml.SafeLoader):
            pass

        def construct_mapping(loader, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = loader.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key!r}", key_node.start_mark)
                seen.add(key)
            return yaml.SafeLoader.construct_mapping(loader, node, deep)

        Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                               construct_mapping)
        return Loader


def check_rules(manifest, errors):
    def expect(key, value):
        if manifest.get(key) != value:
            errors.append(f"{key}: expected {value!r}, found {manifest.get(key)!r}")

    if "app-id" in manifest:
        errors.append("use 'id', not the older 'app-id'")
    expect("id", APP_ID)
    expect("runtime", RUNTIME)
    expect("sdk", SDK)
    expect("command", COMMAND)

    version = manifest.get("runtime-version")
    if not isinstance(version, str):
        errors.append(f"runtime-version must be a quoted string (e.g. '49'), "
                      f"found {type(version).__name__} {version!r}")
    elif not version or not (version.isdigit() or version == "master"):
        errors.append(f"runtime-version: expected a GNOME release like '49', found {version!r}")

    args = manifest.get("finish-args")
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        errors.append("finish-args must be a list of strings")
        args = []
    if len(args) != len(set(args)):
        errors.append(f"finish-args has duplicates: {args}")
    if set(args) != FINISH_ARGS:
        missing = sorted(FINISH_ARGS - set(args))
        extra = sorted(set(args) - FINISH_ARGS)
        errors.append(f"finish-args must be exactly {sorted(FINISH_ARGS)}; "
                      f"missing {missing}, unexpected {extra}")
    for arg in args:
        if arg.startswith(FORBIDDEN_PREFIXES):
            errors.append(f"finish-args: {arg} is not allowed (Netbook is offline "
                          f"and reaches files through portals)")

    modules = manifest.get("modules")
    if not isinstance(modules, list) or len(modules) != 1:
        errors.append(f"expected exactly one module, found {modules!r}")
        return
    module = modules[0]
    if not isinstance(module, dict):
        errors.append(f"the module must be an object, not {module!r}")
        return
    if module.get("name") != "netbook":
        errors.append(f"module name: expected 'netbook', found {module.get('name')!r}")
    if module.get("buildsystem") != "meson":
        errors.append(f"module buildsystem: expected 'meson', found {module.get('buildsystem')!r}")
    sources = module.get("sources")
    if not isinstance(sources, list) or len(sources) != 1:
        errors.append(f"module sources: expected one source, found {sources!r}")
        return
    source = sources[0]
    if not isinstance(source, dict) or source.get("type") != "dir" or source.get("path") != ".":
        errors.append(f"module source: expected {{type: dir, path: .}}, found {source!r}")

    cleanup = manifest.get("cleanup", [])
    for path in ("/include", "/lib/pkgconfig"):
        if path not in cleanup:
            errors.append(f"cleanup should remove {path}")


def check_schema(manifest, schema_path, errors):
    import jsonschema

    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    for error in sorted(validator.iter_errors(manifest), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        errors.append(f"schema: {where}: {error.message}")


def run_checks(path, schema_path):
    try:
        import yaml
    except ImportError:
        print("python3-yaml is not installed", file=sys.stderr)
        return EXIT_SKIP

    errors = []
    try:
        with open(path, encoding="utf-8") as f:
            manifest = yaml.load(f, Loader=StrictLoader.make())
    except (OSError, yaml.YAMLError) as e:
        print(f"{path}: cannot read the manifest: {e}", file=sys.stderr)
        return EXIT_FAIL
    if not isinstance(manifest, dict):
        print(f"{path}: the manifest is not a mapping", file=sys.stderr)
        return EXIT_FAIL

    check_rules(manifest, errors)
    try:
        check_schema(manifest, schema_path, errors)
    except ImportError:
        print("python3-jsonschema is not installed: schema not checked", file=sys.stderr)
        if not errors:
            return EXIT_SKIP

    for error in errors:
        print(f"{path}: {error}", file=sys.stderr)
    if errors:
        return EXIT_FAIL
    print(f"{path}: OK (rules and {os.path.basename(schema_path)})")
    return EXIT_PASS


def run_flatpak_builder(path):
    program = shutil.which("flatpak-builder")
    if program is None:
        print("flatpak-builder is not installed: skipped")
        return EXIT_SKIP
    env = dict(os.environ, G_DEBUG="fatal-warnings")
    proc = subprocess.run([program, "--show-manifest", os.path.basename(path)],
                          cwd=os.path.dirname(os.path.abspath(path)), env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    if proc.returncode != 0:
        print(f"flatpak-builder --show-manifest failed with {proc.returncode}", file=sys.stderr)
        return EXIT_FAIL
    # flatpak-builder prints the manifest back as JSON: it must still be ours.
    try:
        shown = json.loads(proc.stdout)
    except ValueError as e:
        print(f"flatpak-builder printed no JSON: {e}", file=sys.stderr)
        return EXIT_FAIL
    if shown.get("id", shown.get("app-id")) != APP_ID:
        print(f"flatpak-builder read the id as {shown.get('id')!r}", file=sys.stderr)
        return EXIT_FAIL
    return EXIT_PASS


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("manifest")
    parser.add_argument("--schema", default=DEFAULT_SCHEMA)
    parser.add_argument("--flatpak-builder", action="store_true",
                        help="parse the manifest with flatpak-builder --show-manifest")
    options = parser.parse_args()
    if options.flatpak_builder:
        return run_flatpak_builder(options.manifest)
    return run_checks(options.manifest, options.schema)


if __name__ == "__main__":
    sys.exit(main())
