# Sourced by .ci/run and .ci/vscode. pytest exits with 5 when it collected no test: in CI that
# is a failure, not a pass.
pytest_status() {
    local status=$1
    if [ "$status" -eq 5 ]; then
        echo "ci: pytest collected no tests; that is a failure, not a pass" >&2
        return 1
    fi
    return "$status"
}
