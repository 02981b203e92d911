# R side of the survey benchmark: the same estimates as Mirai on the same files,
# timed inside R (elapsed time per repetition, median reported).
# Usage: Rscript bench/survey/bench.R <case> <dir> <reps> <out.json>
#   case: export-api | api | synthetic-rake | synthetic-poststratify
suppressMessages(library(survey))
source("packages/core/src/survey/r/json.R")
args <- commandArgs(trailingOnly = TRUE)
case <- args[1]; dir <- args[2]; reps <- as.integer(args[3]); out <- args[4]

peak_mb <- function() {
  s <- readLines("/proc/self/status")
  as.numeric(gsub("[^0-9]", "", s[grepl("^VmHWM", s)])) / 1024
}
timed <- function(f) {
  times <- numeric(reps); res <- NULL
  for (r in seq_len(reps)) {
    gc()
    t0 <- proc.time()[["elapsed"]]
    res <- f()
    times[r] <- proc.time()[["elapsed"]] - t0
  }
  list(result = res, ms = 1000 * median(times), times_ms = 1000 * times)
}
est <- function(s) list(estimate = unname(coef(s))[1], se = unname(SE(s))[1])

if (case == "export-api") {
  data(api)
  keep <- c("snum", "dnum", "stype", "sch.wide", "api00", "api99", "enroll", "pw", "fpc")
  for (nm in c("apisrs", "apistrat", "apiclus1"))
    write.csv(get(nm)[, keep], file.path(dir, paste0(nm, ".csv")), row.names = FALSE, quote = FALSE)
  quit(save = "no")
}

if (case == "api") {
  srs <- read.csv(file.path(dir, "apisrs.csv")); strat <- read.csv(file.path(dir, "apistrat.csv"))
  clus <- read.csv(file.path(dir, "apiclus1.csv"))
  pop.types <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
  pop.schwide <- data.frame(sch.wide = c("No", "Yes"), Freq = c(1072, 5122))
  t <- timed(function() {
    d1 <- svydesign(ids = ~1, fpc = ~fpc, data = srs)
    d2 <- svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = strat)
    d3 <- svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = clus)
    rk <- rake(d3, list(~stype, ~sch.wide), list(pop.types, pop.schwide))
    q <- svyquantile(~api00, d2, 0.5)$api00
    list(srs_mean = est(svymean(~api00, d1)), strat_mean = est(svymean(~api00, d2)),
         strat_total = est(svytotal(~enroll, d2)), clus_mean = est(svymean(~api00, d3)),
         clus_raked_mean = est(svymean(~api00, rk)),
         strat_median = list(estimate = q[1, 1], se = q[1, 4]))
  })
} else {
  d <- read.csv(file.path(dir, "synthetic.csv"))
  if (case == "synthetic-rake") {
    pm <- read.csv(file.path(dir, "population-margins.csv"), na.strings = "")
    pop_age <- aggregate(count ~ age, pm[!is.na(pm$age), ], sum); names(pop_age)[2] <- "Freq"
    pop_sex <- aggregate(count ~ sex, pm[!is.na(pm$sex), ], sum); names(pop_sex)[2] <- "Freq"
    pop_district <- aggregate(count ~ district, pm[!is.na(pm$district), ], sum); names(pop_district)[2] <- "Freq"
    t <- timed(function() {
      des <- svydesign(ids = ~1, data = d, weights = rep(1, nrow(d)))
      rk <- rake(des, list(~age, ~sex, ~district), list(pop_age, pop_sex, pop_district))
      list(raked_mean = est(svymean(~happiness, rk)))
    })
  } else {
    pc <- read.csv(file.path(dir, "population-cells.csv"))
    pc$cell <- paste(pc$age, pc$sex); d$cell <- paste(d$age, d$sex)
    pop <- data.frame(cell = pc$cell, Freq = pc$count)
    t <- timed(function() {
      des <- svydesign(ids = ~1, data = d, weights = rep(1, nrow(d)))
      ps <- postStratify(des, ~cell, pop)
      list(poststratified_mean = est(svymean(~happiness, ps)))
    })
  }
}
writeLines(to_json(list(results = t$result, ms = t$ms, times_ms = t$times_ms, reps = reps,
                        peak_rss_mb = peak_mb(), r_version = R.version.string,
                        survey_version = as.character(packageVersion("survey")))), out)
