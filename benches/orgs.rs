//! The organisations the benchmark measures, made here so that a clone of
//! the repository benchmarks (and tests the benchmark) on its own.
//!
//! The shapes are those of the team's shared generator (`gen_org.py`):
//! exactly `n` people, root first, ids 1..=n given in pre-order (every
//! manager's id is smaller than their reports'); each manager has 1 to 12
//! direct reports; the deepest level is at most 12 (the root is level 0);
//! subtrees are split heavy-tailed (big divisions next to small teams and
//! individual contributors reporting high up); most small units are
//! front-line teams of individual contributors. Cards are 80 to 240 wide
//! (following the text's length) and 40 to 90 high. The same `n` and seed
//! always give the same organisation; the random numbers are our own
//! (`SplitMix64`), so the people differ from the Python script's while the
//! shapes are the same.

use std::fmt::Write as _;

/// Most direct reports a manager has.
const MAX_SPAN: usize = 12;
/// Deepest level below the root.
const MAX_DEPTH: usize = 12;
/// Weights of spans 1..=12 for managers of larger units.
const SPAN_WEIGHTS: [u32; MAX_SPAN] = [2, 3, 5, 7, 9, 10, 10, 9, 7, 5, 3, 2];

const FIRST: &[&str] = &[
    "Ada",
    "Alan",
    "Alice",
    "Amara",
    "Ana",
    "Arjun",
    "Beatriz",
    "Ben",
    "Carla",
    "Chen",
    "Chloe",
    "Daniel",
    "Diego",
    "Elena",
    "Emeka",
    "Emma",
    "Fatima",
    "Felix",
    "Grace",
    "Hana",
    "Hugo",
    "Ines",
    "Ivan",
    "Jamal",
    "Jana",
    "Jose",
    "Julia",
    "Kai",
    "Karin",
    "Kenji",
    "Lars",
    "Layla",
    "Leo",
    "Lina",
    "Lucas",
    "Maria",
    "Mateo",
    "Mei",
    "Mohammed",
    "Nadia",
    "Noah",
    "Olga",
    "Omar",
    "Priya",
    "Quinn",
    "Rafael",
    "Rosa",
    "Sakura",
    "Sam",
    "Sofia",
    "Tariq",
    "Tomas",
    "Uma",
    "Victor",
    "Wei",
    "Xavier",
    "Yara",
    "Yusuf",
    "Zoe",
    "Alexandria",
    "Bartholomew",
    "Maximilian",
    "Guinevere",
];
const LAST: &[&str] = &[
    "Abe",
    "Adeyemi",
    "Alvarez",
    "Andersson",
    "Bauer",
    "Becker",
    "Chen",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fernandes",
    "Fischer",
    "Garcia",
    "Gupta",
    "Hansen",
    "Horvath",
    "Ibrahim",
    "Ito",
    "Jensen",
    "Kim",
    "Kowalski",
    "Kumar",
    "Larsen",
    "Li",
    "Lopez",
    "Martin",
    "Meyer",
    "Moreau",
    "Nakamura",
    "Nguyen",
    "Novak",
    "Okafor",
    "Olsen",
    "Park",
    "Patel",
    "Petrov",
    "Quispe",
    "Rossi",
    "Santos",
    "Schmidt",
    "Silva",
    "Singh",
    "Smith",
    "Suzuki",
    "Tanaka",
    "Torres",
    "Ueda",
    "Vargas",
    "Wagner",
    "Wang",
    "Weber",
    "Wu",
    "Yamamoto",
    "Yilmaz",
    "Zhang",
    "Montgomery-Smith",
    "Vanderbilt-Okonkwo",
];
const DEPARTMENTS: &[(&str, &[&str])] = &[
    (
        "Engineering",
        &["Software Engineer", "QA Engineer", "SRE", "Data Engineer"],
    ),
    (
        "Sales",
        &["Account Executive", "Sales Rep", "Solutions Consultant"],
    ),
    (
        "Marketing",
        &["Marketing Specialist", "Content Writer", "Designer"],
    ),
    (
        "Finance",
        &["Accountant", "Financial Analyst", "Controller"],
    ),
    (
        "Operations",
        &["Operations Analyst", "Coordinator", "Planner"],
    ),
    (
        "Human Resources",
        &["Recruiter", "HR Partner", "Payroll Specialist"],
    ),
    ("Legal", &["Counsel", "Paralegal", "Compliance Analyst"]),
    (
        "Customer Success",
        &["Support Agent", "Success Manager", "Trainer"],
    ),
    (
        "Product",
        &["Product Manager", "UX Researcher", "Product Designer"],
    ),
    (
        "Research",
        &["Research Scientist", "Lab Technician", "Statistician"],
    ),
    (
        "Manufacturing",
        &["Technician", "Line Operator", "Process Engineer"],
    ),
    (
        "Supply Chain",
        &["Buyer", "Logistics Analyst", "Warehouse Associate"],
    ),
];
const MANAGER_TITLES: &[&str] = &[
    "Chief Executive Officer",
    "SVP",
    "VP",
    "Senior Director",
    "Director",
    "Senior Manager",
    "Manager",
];
const LEVELS: &[&str] = &["", "", "Senior ", "Staff ", "Principal ", "Associate "];
/// The responsibilities of the Chartroom file (two each, so overlaps hold
/// thousands of holders).
const DUTIES: &[&str] = &[
    "budget",
    "security",
    "hiring",
    "vendor management",
    "architecture",
    "support",
    "data",
    "platform",
    "compliance",
    "analytics",
    "procurement",
    "networks",
];

/// `SplitMix64`: small, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// Log-normal with mu 0 (Box-Muller).
    fn lognormal(&mut self, sigma: f64) -> f64 {
        let u1 = 1.0 - self.unit();
        let u2 = self.unit();
        let normal = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
        (sigma * normal).exp()
    }

    /// A span in 1..=12 by `SPAN_WEIGHTS`.
    fn span(&mut self) -> usize {
        let total: u32 = SPAN_WEIGHTS.iter().sum();
        let mut at = self.below(total as usize) as u32;
        for (i, w) in SPAN_WEIGHTS.iter().enumerate() {
            if at < *w {
                return i + 1;
            }
            at -= w;
        }
        MAX_SPAN
    }
}

/// One person of the organisation.
pub struct Person {
    /// 1..=n, in pre-order.
    pub id: usize,
    /// The manager's id; `None` for the root.
    pub manager: Option<usize>,
    pub name: String,
    pub title: String,
    pub width: f32,
    pub height: f32,
}

/// An organisation of `n` people (`n >= 1`), root first, in pre-order.
pub fn people(n: usize, seed: u64) -> Vec<Person> {
    assert!(n >= 1, "an organisation has at least one person");
    let tree = shape(n, seed);
    let mut rng = Rng(seed.wrapping_mul(1_000_003).wrapping_add(1));
    (0..n)
        .map(|i| {
            let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
            let (department, roles) = DEPARTMENTS[tree.department[i]];
            let title = if tree.reports[i] > 0 {
                let t = MANAGER_TITLES[tree.depth[i].min(MANAGER_TITLES.len() - 1)];
                if tree.depth[i] == 0 {
                    t.to_owned()
                } else {
                    format!("{t} {department}")
                }
            } else {
                format!("{}{}", rng.pick(LEVELS), rng.pick(roles))
            };
            let text = name.len().max(title.len()) as f64;
            let jitter = rng.unit() * 36.0 - 18.0;
            let width = (6.2 * text + 20.0 + jitter).round().clamp(80.0, 240.0);
            let lines = [0, 0, 1, 1, 1, 2, 3][rng.below(7)];
            let height = 40 + 14 * lines + rng.below(9);
            Person {
                id: i + 1,
                manager: tree.parent[i].map(|p| p + 1),
                name,
                title,
                width: width as f32,
                height: height as f32,
            }
        })
        .collect()
}

/// Who reports to whom, by index (pre-order).
struct Shape {
    parent: Vec<Option<usize>>,
    depth: Vec<usize>,
    reports: Vec<usize>,
    department: Vec<usize>,
}

fn shape(n: usize, seed: u64) -> Shape {
    // capacity[l]: most people in a subtree of l levels.
    let mut capacity = vec![0usize];
    for _ in 0..=MAX_DEPTH {
        let last = *capacity.last().unwrap_or(&0);
        capacity.push(last.saturating_mul(MAX_SPAN).saturating_add(1));
    }
    assert!(
        n <= capacity[MAX_DEPTH + 1],
        "too many people for 12 levels"
    );
    let mut rng = Rng(seed);
    let mut s = Shape {
        parent: Vec::with_capacity(n),
        depth: Vec::with_capacity(n),
        reports: Vec::with_capacity(n),
        department: Vec::with_capacity(n),
    };
    // (parent, people in the subtree, depth, department); an explicit stack
    // gives pre-order ids without recursion.
    let mut stack = vec![(None, n, 0usize, 0usize)];
    while let Some((parent, budget, depth, department)) = stack.pop() {
        let id = s.parent.len();
        let department = if depth == 1 {
            (id + 1) * 7 % DEPARTMENTS.len()
        } else {
            department
        };
        s.parent.push(parent);
        s.depth.push(depth);
        s.department.push(department);
        let below = budget - 1;
        let parts = if below == 0 {
            Vec::new()
        } else if below <= MAX_SPAN && rng.unit() < 0.8 {
            vec![1; below] // a front-line team
        } else {
            let child_capacity = capacity[MAX_DEPTH - depth];
            let fewest = below.div_ceil(child_capacity);
            let k = rng.span().min(below).max(fewest);
            split(&mut rng, below, k, child_capacity)
        };
        s.reports.push(parts.len());
        for &part in parts.iter().rev() {
            stack.push((Some(id), part, depth + 1, department));
        }
    }
    s
}

/// `total` people in `k` subtrees of 1..=`cap` each, heavy-tailed.
fn split(rng: &mut Rng, total: usize, k: usize, cap: usize) -> Vec<usize> {
    let weights: Vec<f64> = (0..k).map(|_| rng.lognormal(1.1)).collect();
    let sum: f64 = weights.iter().sum();
    let extra = (total - k) as f64;
    let mut parts: Vec<usize> = weights
        .iter()
        .map(|w| 1 + (extra * w / sum) as usize)
        .collect();
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| weights[b].total_cmp(&weights[a]));
    let mut left = total - parts.iter().sum::<usize>();
    let mut i = 0;
    while left > 0 {
        parts[order[i % k]] += 1;
        left -= 1;
        i += 1;
    }
    // Most managers of one become individual contributors.
    let biggest = (0..k).max_by_key(|&i| parts[i]).unwrap_or(0);
    for i in 0..k {
        if parts[i] == 2 && i != biggest && rng.unit() < 0.7 {
            parts[i] = 1;
            parts[biggest] += 1;
        }
    }
    let mut over = 0;
    for part in &mut parts {
        if *part > cap {
            over += *part - cap;
            *part = cap;
        }
    }
    for part in &mut parts {
        let room = cap - *part;
        let moved = room.min(over);
        *part += moved;
        over -= moved;
    }
    parts
}

/// The organisation as the HR export the importer reads:
/// `id,name,title,manager_id,width,height`. With `shuffled`, the rows after
/// the root come in a random order (managers after their reports).
pub fn csv(people: &[Person], shuffled: bool) -> String {
    let mut order: Vec<usize> = (0..people.len()).collect();
    if shuffled {
        let mut rng = Rng(43);
        for i in (2..order.len()).rev() {
            let j = 1 + rng.below(i);
            order.swap(i, j);
        }
    }
    let mut out = String::from("id,name,title,manager_id,width,height\n");
    for &i in &order {
        let p = &people[i];
        let manager = p.manager.map(|m| m.to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "{},{},{},{manager},{},{}",
            p.id, p.name, p.title, p.width, p.height
        );
    }
    out
}

/// The organisation as a Chartroom file shaped like an HR import: roles,
/// titles and two responsibilities each.
pub fn chartroom_json(people: &[Person]) -> String {
    let mut rng = Rng(3);
    let leaders: Vec<serde_json::Value> = people
        .iter()
        .map(|p| {
            let role = match p.manager {
                None => "CEO",
                Some(_) => ["VP", "Other"][rng.below(2)],
            };
            let first = rng.below(DUTIES.len());
            let second = (first + 1 + rng.below(DUTIES.len() - 1)) % DUTIES.len();
            serde_json::json!({
                "id": format!("l{}", p.id),
                "role": role,
                "name": format!("Person {}", p.id),
                "title": rng.pick(&["Vice President", "Director", "Manager", "Engineer"]),
                "manager": p.manager.map(|m| format!("l{m}")),
                "responsibilities": [DUTIES[first], DUTIES[second]],
            })
        })
        .collect();
    serde_json::json!({
        "format": "chartroom",
        "version": 3,
        "models": [{"id": "m", "title": "HR import", "leaders": leaders, "dotted_lines": []}],
    })
    .to_string()
}
