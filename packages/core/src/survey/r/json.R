# A minimal JSON writer with 17 significant digits (jsonlite stops at 15),
# so that reference values keep full double precision.
to_json <- function(x) {
  num <- function(v) {
    if (is.na(v)) return("null")
    if (is.infinite(v)) return(if (v > 0) "\"Inf\"" else "\"-Inf\"")
    sprintf("%.17g", v)
  }
  str <- function(s) paste0("\"", gsub("\"", "\\\\\"", s), "\"")
  if (is.null(x)) return("null")
  if (is.list(x)) {
    nm <- names(x)
    items <- vapply(x, to_json, "")
    if (is.null(nm)) return(paste0("[", paste(items, collapse = ","), "]"))
    return(paste0("{", paste(paste0(str(nm), ":", items), collapse = ","), "}"))
  }
  if (is.factor(x)) x <- as.character(x)
  vals <- if (is.character(x)) vapply(x, str, "") else if (is.logical(x)) ifelse(x, "true", "false") else vapply(as.numeric(x), num, "")
  if (length(x) == 1 && is.null(names(x))) return(unname(vals))
  paste0("[", paste(unname(vals), collapse = ","), "]")
}
