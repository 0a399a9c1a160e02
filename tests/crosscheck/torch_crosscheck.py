#!/usr/bin/env python3
"""Independent cross-check of the built-in deck's numbers with PyTorch (Debian's python3-torch 1.13, CPU).

Run by hand, not in CI:  apt-get install -y python3-torch && python3 tests/crosscheck/torch_crosscheck.py
Each line prints what PyTorch computes beside the value the deck states; the exit code is 1 on any mismatch.
"""
import heapq
import math
import sys

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
failures = 0


def report(name, got, expected, tol=0.0):
    global failures
    ok = abs(got - expected) <= tol * max(1.0, abs(expected))
    failures += 0 if ok else 1
    print(f"{'ok ' if ok else 'MISMATCH'}  {name}: torch {got:.6g}  deck {expected:.6g}")


def count(*modules):
    return sum(p.numel() for m in modules for p in m.parameters())


# --- BERT-base parameter counts (t-bert-*), built from torch.nn modules ---------------------------------------
H, V, P, T, I, L = 768, 30522, 512, 2, 3072, 12
emb = [torch.nn.Embedding(V, H), torch.nn.Embedding(P, H), torch.nn.Embedding(T, H)]
emb_ln = torch.nn.LayerNorm(H, eps=1e-12)
layers = []
for _ in range(L):
    q, k, v, o = (torch.nn.Linear(H, H) for _ in range(4))
    layers.append(dict(attn=[q, k, v, o], ln1=torch.nn.LayerNorm(H), ffn=[torch.nn.Linear(H, I), torch.nn.Linear(I, H)], ln2=torch.nn.LayerNorm(H)))
pooler = torch.nn.Linear(H, H)
report("embeddings without LN (30522+512+2)*768", count(*emb), 23_835_648)
report("embeddings with LN", count(*emb, emb_ln), 23_837_184)
report("12-layer attention weights only", sum(l["attn"][i].weight.numel() for l in layers for i in range(4)), 28_311_552)
report("12-layer attention with biases", sum(count(*l["attn"]) for l in layers), 28_348_416)
report("nn.MultiheadAttention(768, 12) = one layer's Q,K,V,O", count(torch.nn.MultiheadAttention(H, 12)), 2_362_368)
report("12-layer FFN weights only", sum(f.weight.numel() for l in layers for f in l["ffn"]), 56_623_104)
report("12-layer FFN with biases", sum(count(*l["ffn"]) for l in layers), 56_669_184)
report("LayerNorm parameters (25 LNs)", count(emb_ln, *[l[k] for l in layers for k in ("ln1", "ln2")]), 38_400)
body = count(*emb, emb_ln) + sum(count(*l["attn"], l["ln1"], *l["ffn"], l["ln2"]) for l in layers)
report("BertModel without pooler", body, 108_891_648)
report("BertModel with pooler", body + count(pooler), 109_482_240)
report("one head (4*768*64 + 3*64)", 4 * H * 64 + 3 * 64, 196_800)
report("ALBERT factorised embedding E=128", count(torch.nn.Embedding(V, 128), torch.nn.Linear(128, H, bias=False)), 4_005_120)

# --- Attention scaling (t-scale-variance) ---------------------------------------------------------------------
qk = (torch.randn(200_000, 64) * torch.randn(200_000, 64)).sum(1)
report("Var(q·k), d_k = 64", qk.var().item(), 64, tol=0.02)
report("Var(q·k/√d_k)", (qk / 8).var().item(), 1, tol=0.02)

# --- LayerNorm (t-layernorm): biased variance, ε inside the sqrt ------------------------------------------------
x = torch.randn(3, 5, 16) * 3
ln = torch.nn.LayerNorm(16, eps=1e-12)
manual = (x - x.mean(-1, keepdim=True)) / torch.sqrt(x.var(-1, unbiased=False, keepdim=True) + 1e-12)
report("LayerNorm == manual with biased variance (max |Δ|)", (ln(x) - manual).abs().max().item(), 0, tol=1e-9)
unbiased = (x - x.mean(-1, keepdim=True)) / torch.sqrt(x.var(-1, unbiased=True, keepdim=True) + 1e-12)
print(f"     (unbiased variance would differ by {(ln(x) - unbiased).abs().max().item():.3g})")

# --- Distillation gradient (t-speed-distill) ---------------------------------------------------------------------
zs = torch.tensor([1.0, 2.0, 0.5], requires_grad=True)
zt = torch.tensor([0.2, 3.0, -1.0])
Tt = 4.0
pt = torch.softmax(zt / Tt, 0)
loss = Tt**2 * -(pt * torch.log_softmax(zs / Tt, 0)).sum()
loss.backward()
report("∂(T²·CE)/∂z_s == T(p_s − p_t), max |Δ|", (zs.grad - Tt * (torch.softmax(zs / Tt, 0) - pt)).abs().max().item(), 0, tol=1e-12)

# --- Optimizers on the deck's quadratic f = ½xᵀAx, x0 = [1.5, -2] ----------------------------------------------------
A = torch.tensor([[3.0, 0.5], [0.5, 1.0]])
x0 = torch.tensor([1.5, -2.0])


def run(make, steps, extra=None):
    x = x0.clone().requires_grad_(True)
    opt = make([x])
    path = []
    for _ in range(steps):
        opt.zero_grad()
        f = 0.5 * x @ A @ x + (extra(x) if extra else 0)
        f.backward()
        opt.step()
        path.append(x.detach().clone())
    return x.detach(), path


# o-adam-bias: the first Adam step is lr in each coordinate, whatever the gradient's scale.
x_adam, _ = run(lambda p: torch.optim.Adam(p, lr=0.1, betas=(0.9, 0.999), eps=1e-8), 1)
report("Adam first step |Δθ| (coordinate 0)", abs((x_adam - x0)[0].item()), 0.1, tol=1e-6)
report("uncorrected first step = (1−β1)/√(1−β2)·lr", 0.1 * 0.1 / math.sqrt(1 - 0.999), 0.31623, tol=1e-4)

# o-adamw: AdamW (decoupled, decay lr·λ) vs Adam + L2 after 30 steps, λ = 0.5, lr = 0.05.
lam, lr = 0.5, 0.05
x_w, _ = run(lambda p: torch.optim.AdamW(p, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=lam), 30)
x_l2, _ = run(lambda p: torch.optim.Adam(p, lr=lr, betas=(0.9, 0.999), eps=1e-8), 30, extra=lambda x: lam / 2 * (x**2).sum())
report("‖AdamW − (Adam+L2)‖ after 30 steps (deck: gap > 0.1, log shows ≈0.59)", torch.linalg.norm(x_w - x_l2).item(), 0.59, tol=0.05)
x_l2b, _ = run(lambda p: torch.optim.Adam(p, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=lam), 30)
report("Adam(weight_decay) is Adam+L2, not AdamW (‖Δ‖)", torch.linalg.norm(x_l2b - x_l2).item(), 0, tol=1e-9)

# o-momentum: EMA form (α = 0.1, β = 0.9) == PyTorch SGD(momentum) with lr = α(1 − β).
x = x0.clone()
m = torch.zeros(2)
for _ in range(30):
    m = 0.9 * m + 0.1 * (A @ x)
    x = x - 0.1 * m
x_sgd, _ = run(lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9), 30)
report("EMA momentum == SGD(lr=α(1−β), momentum=β) (‖Δ‖)", torch.linalg.norm(x - x_sgd).item(), 0, tol=1e-9)

# o-nesterov: PyTorch's NAG is the Sutskever form written at the look-ahead point.
x_nag, _ = run(lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True), 30)
x, v = x0.clone(), torch.zeros(2)
for _ in range(30):
    g = A @ (x - 0.05 * 0.9 * v)  # gradient at the look-ahead point θ − αβv (Sutskever)
    v = 0.9 * v + g
    x = x - 0.05 * v
report("Sutskever NAG (θ + μv as look-ahead) vs torch nesterov (‖Δ‖ after 30)", torch.linalg.norm((x - 0.05 * 0.9 * v) - x_nag).item(), 0, tol=1e-9)

# o-adadelta: Zeiler's first step is ≈ √ε/√(1−ρ) (no learning rate), torch's Adadelta(lr=1) is Zeiler's.
x_ad, _ = run(lambda p: torch.optim.Adadelta(p, lr=1.0, rho=0.95, eps=1e-6), 1)
g0 = A @ x0
expected = (math.sqrt(1e-6) / torch.sqrt(0.05 * g0**2 + 1e-6) * g0).abs()
report("Adadelta first step (coordinate 0) == √ε/√((1−ρ)g²+ε)·|g|", abs((x_ad - x0)[0].item()), expected[0].item(), tol=1e-9)
report("  ≈ √ε/√(1−ρ) for |g| ≫ √ε", math.sqrt(1e-6) / math.sqrt(0.05), 4.47e-3, tol=1e-3)

# o-adagrad: accumulator starts at 0.1 (tfjs), G_t = Σ g_i²; torch puts ε outside the sqrt (negligible here).
x_ag, _ = run(lambda p: torch.optim.Adagrad(p, lr=0.5, initial_accumulator_value=0.1, eps=1e-7), 20)
x, G = x0.clone(), torch.full((2,), 0.1)
for _ in range(20):
    g = A @ x
    G = G + g**2
    x = x - 0.5 * g / torch.sqrt(G + 1e-7)
report("Adagrad (G0 = 0.1) manual vs torch (‖Δ‖ after 20)", torch.linalg.norm(x - x_ag).item(), 0, tol=1e-6)

# --- Losses ---------------------------------------------------------------------------------------------------------
D = torch.tensor([1, 0, 1, 1, 0, 1, 1, 0, 1, 1.0])
p = torch.tensor(0.7)
loglik = (D * torch.log(p) + (1 - D) * torch.log(1 - p)).sum().item()
report("Bernoulli log-likelihood at p = 0.7", loglik, -6.1086, tol=1e-4)
report("= −N · mean BCE", -len(D) * torch.nn.functional.binary_cross_entropy(p.expand(10), D).item(), -6.1086, tol=1e-4)
w = torch.tensor(0.0, requires_grad=True)
opt = torch.optim.Adam([w], lr=0.05)
for _ in range(400):
    opt.zero_grad()
    torch.nn.functional.binary_cross_entropy_with_logits(w.expand(10), D).backward()
    opt.step()
report("MLE of p by gradient descent on BCE", torch.sigmoid(w).item(), 0.7, tol=1e-3)
z = torch.tensor(-10.0, requires_grad=True)
torch.nn.functional.softplus(-z).backward()
report("|d logistic/dz| at z = −10", abs(z.grad.item()), 0.99995, tol=1e-5)
report("|d exp(−z)/dz| at z = −10", math.exp(10), 22026.47, tol=1e-5)
q = torch.softmax(torch.tensor([2.0, 0.5, -1.0]), 0)
phat = torch.tensor([0.6, 0.3, 0.1])
H_ce = -(phat * q.log()).sum().item()
report("H(p̂,q) = H(p̂) + KL(p̂‖q)", H_ce, (-(phat * phat.log()).sum() + (phat * (phat / q).log()).sum()).item(), tol=1e-12)

# --- Word vectors -----------------------------------------------------------------------------------------------------
counts = torch.tensor([1000.0, 100.0, 10.0, 1.0])
u34 = counts**0.75 / (counts**0.75).sum()
for got, want in zip(u34.tolist(), [0.823, 0.146, 0.026, 0.0046]):
    report("U^¾ sampling probability", got, want, tol=2e-3 if want > 0.01 else 1e-1)
freqs = {"the": 40, "of": 20, "cat": 12, "sat": 10, "mat": 10, "zebra": 8}
heap = [(f, i, {w: 0}) for i, (w, f) in enumerate(freqs.items())]
heapq.heapify(heap)
tie = len(heap)
inner = 0
while len(heap) > 1:
    f1, _, d1 = heapq.heappop(heap)
    f2, _, d2 = heapq.heappop(heap)
    merged = {w: d + 1 for w, d in {**d1, **d2}.items()}
    heapq.heappush(heap, (f1 + f2, tie, merged))
    tie += 1
    inner += 1
depth = heap[0][2]
total = sum(freqs.values())
report("Huffman inner nodes (V − 1)", inner, 5)
report("depth(the)", depth["the"], 1)
report("depth(zebra)", depth["zebra"], 4)
report("average code length", sum(freqs[w] * depth[w] for w in freqs) / total, 2.38, tol=1e-9)
report("entropy H (bits)", -sum(f / total * math.log2(f / total) for f in freqs.values()), 2.316, tol=1e-3)

print(f"\n{'all numbers agree' if failures == 0 else f'{failures} mismatches'}")
sys.exit(1 if failures else 0)
