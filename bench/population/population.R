# Vectorised R implementation of the same ipss projection, written as an analyst
# would: matrices of cells x areas (deterministic) and cells x trajectories
# (Monte Carlo), with the districts raked to the city after every step.
# Usage: Rscript population.R <dir>   (reads the inputs written by run.ts, writes results there)
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
rd <- function(name) scan(file.path(dir, name), quiet = TRUE)
dims <- rd("dims.txt"); A <- dims[1]; K <- dims[2]; n <- dims[3]; T <- dims[4]
reps_det <- dims[5]; reps_mc <- dims[6]
sig <- rd("sigmas.txt")  # fertility, migration level, migration period, migration district, mortality
len <- 2 * n
base <- matrix(rd("base.txt"), len, A)
dS <- array(rd("deathProb.txt"), c(len, K, A))
M <- array(rd("migration.txt"), c(len, K, A))
AD <- array(rd("added.txt"), c(len, K, A))
cwr <- matrix(rd("cwr.txt"), K, A)
ms <- matrix(rd("maleShare.txt"), K, A)

from <- c(1:(n - 1), n + 1:(n - 1))      # every group but the open ones
to <- from + 1
openM <- n; openF <- 2 * n
wrows <- n + 4:10                        # women 15-49

rake <- function(P) {                   # P: len x A, column 1 the city
  s <- rowSums(P[, -1, drop = FALSE])
  r <- ifelse(s > 0, P[, 1] / s, 0)
  P[, -1] <- P[, -1] * r
  P
}

# Deterministic, one matrix pass per step over all areas.
det_matrix <- function() {
  P <- rake(base)
  out <- array(0, c(len, A, K + 1)); out[, , 1] <- P
  for (k in 1:K) {
    X <- P * (1 - dS[, k, ] + M[, k, ]) + AD[, k, ]
    X[X < 0] <- 0
    N <- matrix(0, len, A)
    N[to, ] <- X[from, ]
    N[openM, ] <- N[openM, ] + X[openM, ]
    N[openF, ] <- N[openF, ] + X[openF, ]
    ch <- cwr[k, ] * colSums(N[wrows, , drop = FALSE])
    N[1, ] <- ch * ms[k, ]
    N[n + 1, ] <- ch - ch * ms[k, ]
    P <- rake(N)
    out[, , k + 1] <- P
  }
  out
}

# Deterministic, one area at a time (vectors), then raking.
det_loop <- function() {
  P <- rake(base)
  out <- array(0, c(len, A, K + 1)); out[, , 1] <- P
  for (k in 1:K) {
    N <- matrix(0, len, A)
    for (a in 1:A) {
      x <- P[, a] * (1 - dS[, k, a] + M[, k, a]) + AD[, k, a]
      x[x < 0] <- 0
      y <- numeric(len)
      y[to] <- x[from]
      y[openM] <- y[openM] + x[openM]
      y[openF] <- y[openF] + x[openF]
      ch <- cwr[k, a] * sum(y[wrows])
      y[1] <- ch * ms[k, a]
      y[n + 1] <- ch - ch * ms[k, a]
      N[, a] <- y
    }
    P <- rake(N)
    out[, , k + 1] <- P
  }
  out
}

# Monte Carlo: trajectories as columns, the same distributions as Mirai's.
mc <- function(seed) {
  set.seed(seed)
  u <- rnorm(T, 0, sig[2])
  fert <- exp(apply(matrix(rnorm(K * T, 0, sig[1]), K, T), 2, cumsum))
  mort <- exp(apply(matrix(rnorm(K * T, 0, sig[5]), K, T), 2, cumsum))
  if (K == 1) { fert <- matrix(fert, 1); mort <- matrix(mort, 1) }
  km <- matrix(1 + rep(u, each = K) + rnorm(K * T, 0, sig[3]), K, T)
  totals <- array(0, c(A, K + 1, T))
  P <- lapply(1:A, function(a) matrix(base[, a], len, T))
  rakeL <- function(P) {
    s <- Reduce(`+`, P[-1])
    r <- ifelse(s > 0, P[[1]] / s, 0)
    for (a in 2:A) P[[a]] <- P[[a]] * r
    P
  }
  P <- rakeL(P)
  for (a in 1:A) totals[a, 1, ] <- colSums(P[[a]])
  for (k in 1:K) {
    N <- vector("list", A)
    for (a in 1:A) {
      mig <- if (a == 1) km[k, ] else km[k, ] + rnorm(T, 0, sig[4])
      sv <- 1 - outer(dS[, k, a], mort[k, ]); sv[sv < 0] <- 0
      X <- P[[a]] * (sv + outer(M[, k, a], mig)) + AD[, k, a]
      X[X < 0] <- 0
      Y <- matrix(0, len, T)
      Y[to, ] <- X[from, ]
      Y[openM, ] <- Y[openM, ] + X[openM, ]
      Y[openF, ] <- Y[openF, ] + X[openF, ]
      ch <- fert[k, ] * cwr[k, a] * colSums(Y[wrows, , drop = FALSE])
      Y[1, ] <- ch * ms[k, a]
      Y[n + 1, ] <- ch - ch * ms[k, a]
      N[[a]] <- Y
    }
    P <- rakeL(N)
    for (a in 1:A) totals[a, k + 1, ] <- colSums(P[[a]])
  }
  totals
}

time_ms <- function(f, reps) {
  t0 <- proc.time()[["elapsed"]]
  for (i in 1:reps) f()
  1000 * (proc.time()[["elapsed"]] - t0) / reps
}

res_m <- det_matrix(); res_l <- det_loop()
stopifnot(max(abs(res_m - res_l)) < 1e-6)
t_matrix <- min(sapply(1:5, function(i) time_ms(det_matrix, reps_det)))
t_loop <- min(sapply(1:5, function(i) time_ms(det_loop, reps_det)))
write(format(as.vector(res_m), digits = 17), file.path(dir, "r_det.txt"), ncolumns = 1)

t_mc <- numeric(reps_mc)
cpu_mc <- numeric(reps_mc)
for (i in 1:reps_mc) {
  p0 <- proc.time()
  tot <- mc(20215 + i)
  q <- apply(tot, c(1, 2), quantile, probs = c(0.025, 0.1, 0.5, 0.9, 0.975), type = 7)
  p1 <- proc.time()
  t_mc[i] <- 1000 * (p1[["elapsed"]] - p0[["elapsed"]])
  cpu_mc[i] <- 1000 * ((p1[["user.self"]] - p0[["user.self"]]) + (p1[["sys.self"]] - p0[["sys.self"]]))
}
# q: 5 x A x (K+1); write as area-major, year, quantile (matching Mirai's series * 5 + q)
qq <- aperm(q, c(1, 3, 2))
write(format(as.vector(qq), digits = 17), file.path(dir, "r_mc_quantiles.txt"), ncolumns = 1)
cat(sprintf("%.6f\n%.6f\n%.3f\n%.3f\n%.3f\n", t_matrix, t_loop, min(t_mc), median(t_mc), min(cpu_mc)), file = file.path(dir, "r_times.txt"))
cat(R.version.string, "\n", file = file.path(dir, "r_version.txt"))
