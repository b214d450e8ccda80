#!/usr/bin/env bash
# Runs README's Spark SQL recipe over a build's output folder (its parts/): applications received per report year
# and province, read by Spark from the Hive-partitioned Parquet. Needs Java and Spark's spark-sql on PATH (or
# SPARK_HOME); anywhere else it says what is missing and exits 3 without running anything.
#   scripts/spark-recipe.sh DATA_DIR
set -euo pipefail
data="${1:?usage: scripts/spark-recipe.sh DATA_DIR (a build output folder with parts/)}"
[[ -d "$data/parts/cells" ]] || { echo "spark-recipe: $data/parts/cells not found: build with npm run build:data first" >&2; exit 2; }
data="$(cd "$data" && pwd)"
spark_sql="$(command -v spark-sql || true)"
[[ -z "$spark_sql" && -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-sql" ]] && spark_sql="$SPARK_HOME/bin/spark-sql"
if ! command -v java >/dev/null; then
  echo "spark-recipe: skipped: no java on PATH (Spark needs Java 17 or 21)" >&2
  exit 3
fi
if [[ -z "$spark_sql" ]]; then
  echo "spark-recipe: skipped: spark-sql not found (set SPARK_HOME or put Spark's bin/ on PATH); java is $(java -version 2>&1 | head -1)" >&2
  exit 3
fi
sql="$(mktemp --suffix .sql)"
trap 'rm -f "$sql"' EXIT
cat > "$sql" <<SQL
SET spark.sql.sources.partitionColumnTypeInference.enabled = false;
CREATE TEMPORARY VIEW cells USING parquet OPTIONS (path '$data/parts/cells');
SELECT CAST(report_year AS INT) AS report_year, province_code, sum(value) AS received, count(DISTINCT report_id) AS reports
FROM cells WHERE table_id = 'applications' AND row_key = 'new_received' AND col_key = 'total'
GROUP BY 1, 2 ORDER BY 1, 2;
SQL
cat "$sql" >&2
exec "$spark_sql" --master 'local[*]' --conf spark.ui.enabled=false -S -f "$sql"
