# Produces the reference values the survey engine's tests compare against.
# Run from the repository root:  Rscript packages/core/src/survey/r/make-fixtures.R
# Needs Debian's r-base-core and r-cran-survey (4.1-1). Writes CSV data and
# reference.json (17 significant digits) to packages/core/src/survey/fixtures/.
# The happiness survey here is SYNTHETIC (sample data, not Shiojiri's answers).
suppressMessages(library(survey))
options(survey.lonely.psu = "fail")
out <- "packages/core/src/survey/fixtures"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
source("packages/core/src/survey/r/json.R")

data(api)
keep <- c("snum", "dnum", "stype", "sch.wide", "api00", "api99", "enroll", "meals", "pw", "fpc")
wcsv <- function(df, name) write.csv(df, file.path(out, name), row.names = FALSE, quote = FALSE, na = "")
wcsv(apisrs[, keep], "apisrs.csv")
apistrat$fpcfrac <- as.vector(table(apistrat$stype)[as.character(apistrat$stype)]) / apistrat$fpc
wcsv(apistrat[, c(keep, "fpcfrac")], "apistrat.csv")
wcsv(apiclus1[, keep], "apiclus1.csv")

ref <- list()
stat <- function(s) {
  list(estimate = unname(coef(s))[1], se = unname(SE(s))[1], ci = unname(confint(s)[1, ]))
}
byres <- function(b) {
  lv <- as.character(b[[1]])
  lapply(seq_along(lv), function(i) list(level = lv[i], estimate = unname(coef(b))[i], se = unname(SE(b))[i],
                                         ci = unname(confint(b)[i, ])))
}
distr <- function(s) {
  nm <- names(coef(s))
  lapply(seq_along(nm), function(i) list(value = nm[i], share = unname(coef(s))[i], se = unname(SE(s))[i]))
}
quant <- function(q, var, p) {
  m <- q[[var]]
  list(p = p, estimate = m[1, 1], ci = c(m[1, 2], m[1, 3]), se = m[1, 4])
}
allstats <- function(d, quantiles = TRUE) {
  r <- list(
    mean_api00 = stat(svymean(~api00, d)),
    total_enroll = stat(svytotal(~enroll, d)),
    ratio_api00_api99 = {
      s <- svyratio(~api00, ~api99, d)
      list(estimate = unname(coef(s))[1], se = unname(SE(s))[1], ci = unname(confint(s)[1, ]))
    },
    distribution_stype = distr(svymean(~stype, d)),
    table_stype = as.list(unname(as.vector(svytable(~stype, d)))),
    by_stype_mean_api00 = byres(svyby(~api00, ~stype, d, svymean)),
    degf = degf(d)
  )
  if (quantiles) {
    r$quantile_api00_0.5 <- quant(svyquantile(~api00, d, 0.5), "api00", 0.5)
    r$quantile_api00_0.25 <- quant(svyquantile(~api00, d, 0.25), "api00", 0.25)
    r$quantile_enroll_0.9 <- quant(svyquantile(~enroll, d, 0.9), "enroll", 0.9)
  }
  r
}

# --- designs --------------------------------------------------------------
srs_fpc <- svydesign(ids = ~1, fpc = ~fpc, data = apisrs)
srs_w <- svydesign(ids = ~1, weights = ~pw, data = apisrs)
srs_plain <- svydesign(ids = ~1, data = apisrs)
strat_pop <- svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat)
strat_frac <- svydesign(ids = ~1, strata = ~stype, fpc = ~fpcfrac, data = apistrat)
strat_nofpc <- svydesign(ids = ~1, strata = ~stype, weights = ~pw, data = apistrat)
clus1 <- svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1)
clus1_nofpc <- svydesign(ids = ~dnum, weights = ~pw, data = apiclus1)
ref$designs <- list(
  srs_fpc = allstats(srs_fpc), srs_weights = allstats(srs_w), srs_plain = allstats(srs_plain),
  strat_fpc_population = allstats(strat_pop), strat_fpc_fraction = allstats(strat_frac),
  strat_nofpc = allstats(strat_nofpc),
  clus1_fpc = allstats(clus1), clus1_nofpc = allstats(clus1_nofpc)
)

# --- calibration ------------------------------------------------------------
pop.types <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
pop.schwide <- data.frame(sch.wide = c("No", "Yes"), Freq = c(1072, 5122))
ps <- postStratify(clus1, ~stype, pop.types)
rk <- rake(clus1, list(~stype, ~sch.wide), list(pop.types, pop.schwide))
rk_strict <- rake(clus1, list(~stype, ~sch.wide), list(pop.types, pop.schwide),
                  control = list(maxit = 50, epsilon = 1e-9))
ps_strat <- postStratify(strat_nofpc, ~sch.wide, pop.schwide)
pop.totals <- c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, api99 = 3914069)
greg <- calibrate(clus1, ~stype + api99, pop.totals)
ref$calibration <- list(
  population = list(stype = list(levels = pop.types$stype, counts = pop.types$Freq),
                    sch.wide = list(levels = pop.schwide$sch.wide, counts = pop.schwide$Freq)),
  clus1_poststratify_stype = c(allstats(ps), list(weights = unname(weights(ps)))),
  clus1_rake_stype_schwide = c(allstats(rk), list(weights = unname(weights(rk)))),
  clus1_rake_strict = c(allstats(rk_strict), list(weights = unname(weights(rk_strict)))),
  strat_poststratify_schwide = allstats(ps_strat),
  greg_totals = unname(pop.totals),
  clus1_calibrate_linear = c(allstats(greg), list(weights = unname(weights(greg))))
)

# --- replicate weights ------------------------------------------------------
repstats <- function(r) list(
  mean_api00 = stat(svymean(~api00, r)), total_enroll = stat(svytotal(~enroll, r)),
  ratio_api00_api99 = {
    s <- svyratio(~api00, ~api99, r)
    list(estimate = unname(coef(s))[1], se = unname(SE(s))[1])
  },
  distribution_stype = distr(svymean(~stype, r)),
  by_stype_mean_api00 = byres(svyby(~api00, ~stype, r, svymean)),
  scale = r$scale, rscales = unname(r$rscales)
)
jk_clus <- as.svrepdesign(clus1_nofpc, type = "JK1")
jk_clus_fpc <- as.svrepdesign(clus1, type = "JK1")
jk_srs_fpc <- as.svrepdesign(srs_fpc, type = "JK1")
jk_ps <- postStratify(jk_clus, ~stype, pop.types)
jk_rk <- rake(jk_clus, list(~stype, ~sch.wide), list(pop.types, pop.schwide))
jk_greg <- calibrate(jk_clus, ~stype + api99, pop.totals)
set.seed(20240401)
boot_strat <- as.svrepdesign(strat_pop, type = "bootstrap", replicates = 50)
bw <- weights(boot_strat, "analysis")
write.csv(format(as.data.frame(bw), digits = 17), file.path(out, "apistrat-bootstrap-weights.csv"),
          row.names = FALSE, quote = FALSE)
set.seed(20240402)
boot_clus <- as.svrepdesign(clus1_nofpc, type = "bootstrap", replicates = 40)
ref$replicates <- list(
  clus1_jk1 = repstats(jk_clus), clus1_jk1_fpc = repstats(jk_clus_fpc), srs_jk1_fpc = repstats(jk_srs_fpc),
  clus1_jk1_poststratify = repstats(jk_ps), clus1_jk1_rake = repstats(jk_rk), clus1_jk1_linear = repstats(jk_greg),
  strat_bootstrap_given = repstats(boot_strat),
  clus1_bootstrap_se = list(mean_api00 = stat(svymean(~api00, boot_clus)))
)

# --- lonely PSUs ------------------------------------------------------------
lonely <- rbind(head(apistrat[apistrat$stype == "E", ], 20), head(apistrat[apistrat$stype == "H", ], 20),
                head(apistrat[apistrat$stype == "M", ], 1))   # stratum M has a single unit
lonely$pw <- 1
ref$lonely <- list()
for (rule in c("remove", "certainty", "adjust", "average")) {
  options(survey.lonely.psu = rule)
  d <- svydesign(ids = ~1, strata = ~stype, weights = ~pw, data = lonely)
  ref$lonely[[rule]] <- stat(svymean(~api00, d))
}
options(survey.lonely.psu = "fail")
wcsv(lonely[, keep], "lonely.csv")

# --- synthetic happiness survey (SAMPLE DATA) ------------------------------
set.seed(7)
n <- 800
ages <- c("20s", "30s", "40s", "50s", "60s", "70+")
hs <- data.frame(
  id = 1:n,
  age = factor(sample(ages, n, TRUE, prob = c(.08, .12, .16, .18, .2, .26)), levels = ages),
  sex = factor(sample(c("F", "M"), n, TRUE), levels = c("F", "M")),
  district = factor(sample(paste0("D", 1:5), n, TRUE, prob = c(.3, .25, .2, .15, .1)))
)
k <- 5
for (j in 1:k) hs[[paste0("q", j)]] <- sample(1:5, n, TRUE)
lin <- 2 + 0.5 * hs$q1 + 0.35 * hs$q2 + 0.2 * hs$q3 + 0.05 * hs$q4 + as.integer(hs$age) * 0.1 + rnorm(n, 0, 1.6)
hs$happiness <- pmin(10, pmax(0, round(lin)))
hs$wave <- sample(c(1, 2), n, TRUE)
hs$happiness[hs$wave == 2] <- pmin(10, hs$happiness[hs$wave == 2] + sample(c(0, 0, 1), sum(hs$wave == 2), TRUE))
hs$invited <- 1
wcsv(hs, "happiness.csv")
# Population counts: SAMPLE values for the test only (not Shiojiri's census).
pop_age <- data.frame(age = ages, Freq = c(5200, 6100, 8300, 8600, 8400, 13400))
pop_sex <- data.frame(sex = c("F", "M"), Freq = c(25500, 24500))
pop_district <- data.frame(district = paste0("D", 1:5), Freq = c(15000, 12000, 10000, 8000, 5000))
hd <- svydesign(ids = ~1, data = hs)
hps <- postStratify(hd, ~age, pop_age)
hrk <- rake(hd, list(~age, ~sex, ~district), list(pop_age, pop_sex, pop_district))
hw <- svydesign(ids = ~1, strata = ~wave, data = hs)
wby <- svyby(~happiness, ~wave, hw, svymean, covmat = TRUE)
wdiff <- svycontrast(wby, c(-1, 1))
ref$happiness <- list(
  population = list(age = pop_age$Freq, sex = pop_sex$Freq, district = pop_district$Freq),
  srs_mean = stat(svymean(~happiness, hd)),
  poststratified_mean = stat(svymean(~happiness, hps)),
  poststratified_distribution = distr(svymean(~factor(happiness, levels = 0:10), hps)),
  poststratified_by_age = byres(svyby(~happiness, ~age, hps, svymean)),
  poststratified_by_district = byres(svyby(~happiness, ~district, hps, svymean)),
  poststratified_quantile = quant(svyquantile(~happiness, hps, 0.5), "happiness", 0.5),
  raked_mean = stat(svymean(~happiness, hrk)),
  raked_by_sex = byres(svyby(~happiness, ~sex, hrk, svymean)),
  wave_means = byres(wby),
  wave_difference = list(estimate = unname(coef(wdiff)), se = unname(SE(wdiff))),
  response_by_age = as.list(setNames(as.vector(table(hs$age)), ages))
)

# --- LMG relative importance by all-subsets regression (base R) --------------
lmg <- function(y, X) {
  p <- ncol(X)
  r2 <- function(S) if (length(S) == 0) 0 else summary(lm(y ~ ., data = X[, S, drop = FALSE]))$r.squared
  subsets <- unlist(lapply(0:p, function(s) combn(p, s, simplify = FALSE)), recursive = FALSE)
  key <- function(S) paste0("s:", paste(sort(S), collapse = ","))
  tab <- setNames(sapply(subsets, r2), sapply(subsets, key))
  sapply(1:p, function(j) {
    tot <- 0
    for (S in subsets) if (!(j %in% S)) {
      s <- length(S)
      wgt <- factorial(s) * factorial(p - s - 1) / factorial(p)
      tot <- tot + wgt * (tab[[key(c(S, j))]] - tab[[key(S)]])
    }
    tot
  })
}
X <- hs[, paste0("q", 1:k)]
ref$lmg <- list(
  predictors = paste0("q", 1:k), lmg = lmg(hs$happiness, X),
  r2 = summary(lm(hs$happiness ~ ., data = X))$r.squared
)

writeLines(to_json(ref), file.path(out, "reference.json"))
cat("wrote", file.path(out, "reference.json"), "\n")
