// The matching benchmark's reference: reads a placement instance file (the JSON that `naar-vermogen match`
// reads), builds the same min-cost flow network with LEMON and times only the solver's run().
//
// Network: source → client (capacity 1) → role (capacity 1, the pair's cost) → organisation, when the instance
// has organisations → sink (the role's places, the organisation's capacity). The source supplies n units and the
// sink takes n; a bypass arc source → sink of capacity n costs M per unit, the same per-placement reward as the
// linear program for CLP (bench/lp.ts): M = 1 + min(n, m) · (max(0, greatest cost) − min(0, least cost)) exceeds
// the cost of any augmenting path, so the least-cost flow sends as much as possible through clients and then
// has the least cost among those flows.
//
// Usage: solve INSTANCE.json [network-simplex|cost-scaling] [runs]
// Prints one line per run, as JSON: placed, cost, and the wall and CPU seconds of run().
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/static_graph.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace lemon;

// The numbers of a key in the instance JSON: a single number or an array of numbers.
static std::vector<long long> numbersOf(const std::string& text, const std::string& key, bool required) {
  std::vector<long long> values;
  const std::string quoted = "\"" + key + "\"";
  size_t at = text.find(quoted);
  if (at == std::string::npos) {
    if (required) {
      std::cerr << "instance has no " << key << "\n";
      std::exit(2);
    }
    return values;
  }
  at = text.find(':', at + quoted.size()) + 1;
  while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) at++;
  const char* p = text.c_str() + at;
  if (*p != '[') {
    values.push_back(std::strtoll(p, nullptr, 10));
    return values;
  }
  p++;
  for (;;) {
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t' || *p == ',') p++;
    if (*p == ']') break;
    char* end;
    values.push_back(std::strtoll(p, &end, 10));
    p = end;
  }
  return values;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: solve INSTANCE.json [network-simplex|cost-scaling] [runs]\n";
    return 2;
  }
  const std::string method = argc > 2 ? argv[2] : "network-simplex";
  const int runs = argc > 3 ? std::atoi(argv[3]) : 1;
  std::ifstream in(argv[1]);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();

  const int n = static_cast<int>(numbersOf(text, "clientCount", true)[0]);
  const int m = static_cast<int>(numbersOf(text, "roleCount", true)[0]);
  const auto places = numbersOf(text, "places", true);
  const auto pairStart = numbersOf(text, "pairStart", true);
  const auto pairRole = numbersOf(text, "pairRole", true);
  const auto pairCost = numbersOf(text, "pairCost", true);
  const auto roleGroup = numbersOf(text, "roleGroup", false);
  const auto groupCapacity = numbersOf(text, "groupCapacity", false);
  const int groups = static_cast<int>(groupCapacity.size());
  const int edges = static_cast<int>(pairRole.size());

  // Nodes as in src/server/matching/instance.ts: source, clients, roles, groups, sink.
  const int source = 0;
  const int sink = 1 + n + m + groups;
  const int nodeCount = n + m + groups + 2;
  long long least = 0, greatest = 0;
  for (long long c : pairCost) least = std::min(least, c), greatest = std::max(greatest, c);
  const long long reward = 1 + static_cast<long long>(std::min(n, m)) * (greatest - least);

  // StaticDigraph wants its arcs sorted by source node.
  std::vector<std::pair<int, int>> arcs;
  std::vector<long long> capacity, cost;
  arcs.reserve(n + edges + m + groups + 1);
  auto add = [&](int from, int to, long long cap, long long unitCost) {
    arcs.emplace_back(from, to);
    capacity.push_back(cap);
    cost.push_back(unitCost);
  };
  for (int i = 0; i < n; i++) add(source, 1 + i, 1, 0);
  add(source, sink, n, reward);
  for (int i = 0; i < n; i++)
    for (long long k = pairStart[i]; k < pairStart[i + 1]; k++) add(1 + i, 1 + n + static_cast<int>(pairRole[k]), 1, pairCost[k]);
  for (int j = 0; j < m; j++) add(1 + n + j, groups ? 1 + n + m + static_cast<int>(roleGroup[j]) : sink, places[j], 0);
  for (int g = 0; g < groups; g++) add(1 + n + m + g, sink, groupCapacity[g], 0);

  StaticDigraph graph;
  graph.build(nodeCount, arcs.begin(), arcs.end());
  StaticDigraph::ArcMap<long long> capMap(graph), costMap(graph), flow(graph);
  for (int a = 0; a < static_cast<int>(arcs.size()); a++) {
    capMap[graph.arc(a)] = capacity[a];
    costMap[graph.arc(a)] = cost[a];
  }
  StaticDigraph::NodeMap<long long> supply(graph, 0);
  supply[graph.node(source)] = n;
  supply[graph.node(sink)] = -n;
  const int bypass = n;

  for (int run = 0; run < runs; run++) {
    double seconds;
    std::clock_t cpuStarted;
    long long total;
    bool optimal;
    if (method == "cost-scaling") {
      CostScaling<StaticDigraph, long long, long long> solver(graph);
      solver.upperMap(capMap).costMap(costMap).supplyMap(supply);
      cpuStarted = std::clock();
      const auto started = std::chrono::steady_clock::now();
      optimal = solver.run() == CostScaling<StaticDigraph, long long, long long>::OPTIMAL;
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      solver.flowMap(flow);
      total = solver.totalCost();
    } else {
      NetworkSimplex<StaticDigraph, long long, long long> solver(graph);
      solver.upperMap(capMap).costMap(costMap).supplyMap(supply);
      cpuStarted = std::clock();
      const auto started = std::chrono::steady_clock::now();
      optimal = solver.run() == NetworkSimplex<StaticDigraph, long long, long long>::OPTIMAL;
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      solver.flowMap(flow);
      total = solver.totalCost();
    }
    const double cpu = static_cast<double>(std::clock() - cpuStarted) / CLOCKS_PER_SEC;
    const long long unplaced = flow[graph.arc(bypass)];
    const long long placed = n - unplaced;
    std::printf("{\"method\":\"%s\",\"optimal\":%s,\"placed\":%lld,\"cost\":%lld,\"seconds\":%.6f,\"cpu\":%.6f}\n",
                method.c_str(), optimal ? "true" : "false", placed, total - unplaced * reward, seconds, cpu);
  }
  return 0;
}
