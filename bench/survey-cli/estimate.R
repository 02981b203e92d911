# R peer of `mirai survey estimate --rake age,sex,district` on the same files, as a user would run it:
# read the CSVs, build the design, rake, mean and SE; prints JSON.
# Usage: Rscript bench/survey-cli/estimate.R data.csv population-margins.csv
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
pm <- read.csv(args[2], na.strings = "")
margin <- function(v) { m <- aggregate(pm$count[!is.na(pm[[v]])], list(pm[[v]][!is.na(pm[[v]])]), sum); names(m) <- c(v, "Freq"); m }
des <- svydesign(ids = ~1, data = d, weights = rep(1, nrow(d)))
rk <- rake(des, list(~age, ~sex, ~district), list(margin("age"), margin("sex"), margin("district")))
m <- svymean(~happiness, rk)
cat(sprintf('{"estimate": %.17g, "se": %.17g, "n": %d}\n', coef(m)[[1]], SE(m)[[1]], nrow(d)))
