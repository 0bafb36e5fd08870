#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct CommandResult {
    int exit_code = -1;
    std::string output;  // stdout and stderr together
};

class PlanTablesCli : public ::testing::Test {
  protected:
    void SetUp() override {
        directory_ = fs::temp_directory_path() /
                     ("kc_plan_tables_" + std::to_string(::getpid()) + "_" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(directory_);
    }
    void TearDown() override { fs::remove_all(directory_); }

    fs::path write(const std::string& name, const std::string& content) {
        const fs::path path = directory_ / name;
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    CommandResult run(const std::string& arguments) {
        const std::string command = std::string(KC_BINARY) + " plan-tables " + arguments + " 2>&1";
        CommandResult result;
        FILE* pipe = ::popen(command.c_str(), "r");
        char buffer[4096];
        std::size_t read = 0;
        while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
            result.output.append(buffer, read);
        const int status = ::pclose(pipe);
        result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return result;
    }

    fs::path plan_path() const { return directory_ / "plan.csv"; }

    // 24 people, 2 of them residents, 4 with a host table.
    std::string people_file() const {
        std::string text = "name,group,organisation,host_table\n";
        for (int p = 1; p <= 24; ++p) {
            const std::string group = p % 12 == 5 ? "Bewoner" : p % 3 == 0 ? "Student" : "Gemeente";
            const std::string host = p <= 4 ? std::to_string(p) : "";
            text +=
                "\"Deelnemer " + std::to_string(p) + ", Rotterdam\"," + group + ",," + host + "\n";
        }
        return text;
    }

  private:
    fs::path directory_;
};

TEST_F(PlanTablesCli, WritesAPlanWithEveryoneOncePerRoundAndPrintsTheQuality) {
    const fs::path people = write("people.csv", people_file());
    const CommandResult result =
        run("--people " + people.string() + " --tables 6 --rounds 3 --hosts --seed 7 --out " +
            plan_path().string());
    ASSERT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("Herhaalde ontmoetingen: 0"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("Repeated meetings: 0"), std::string::npos);

    std::ifstream plan(plan_path());
    std::string line;
    std::getline(plan, line);
    EXPECT_EQ(line, "round,table,name");
    std::set<std::string> seated_per_round[3];
    int rows = 0;
    while (std::getline(plan, line)) {
        ++rows;
        const int round = std::stoi(line.substr(0, line.find(',')));
        ASSERT_GE(round, 1);
        ASSERT_LE(round, 3);
        const std::string name = line.substr(line.find('"'));
        EXPECT_TRUE(seated_per_round[round - 1].insert(name).second) << "twice: " << line;
        if (name == "\"Deelnemer 2, Rotterdam\"") {
            EXPECT_EQ(line.substr(0, line.find('"')), std::to_string(round) + ",2,")
                << "host moved";
        }
    }
    EXPECT_EQ(rows, 72);
}

TEST_F(PlanTablesCli, SameSeedGivesTheSamePlanFile) {
    const fs::path people = write("people.csv", people_file());
    const fs::path second = plan_path().string() + ".second";
    const std::string arguments = "--people " + people.string() + " --tables 4 --rounds 3 --seed 3";
    ASSERT_EQ(run(arguments + " --out " + plan_path().string()).exit_code, 0);
    ASSERT_EQ(run(arguments + " --out " + second.string()).exit_code, 0);
    std::stringstream first_text;
    std::stringstream second_text;
    first_text << std::ifstream(plan_path()).rdbuf();
    second_text << std::ifstream(second).rdbuf();
    EXPECT_EQ(first_text.str(), second_text.str());
}

TEST_F(PlanTablesCli, MissingColumnIsRefusedInDutchFirst) {
    const fs::path people = write("people.csv", "name,group\nAns,Bewoner\n");
    const CommandResult result =
        run("--people " + people.string() + " --tables 2 --rounds 2 --out " + plan_path().string());
    EXPECT_NE(result.exit_code, 0);
    EXPECT_EQ(result.output.rfind("Fout: ", 0), 0u) << result.output;
    EXPECT_NE(result.output.find("organisation"), std::string::npos);
    EXPECT_FALSE(fs::exists(plan_path()));
}

TEST_F(PlanTablesCli, MorePeopleThanSeatsIsRefused) {
    const fs::path people = write("people.csv", people_file());
    const CommandResult result =
        run("--people " + people.string() + " --tables 4 --capacity 5 --rounds 2 --out " +
            plan_path().string());
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.output.find("meer deelnemers (24) dan plaatsen (20)"), std::string::npos)
        << result.output;
    EXPECT_FALSE(fs::exists(plan_path()));
}

TEST_F(PlanTablesCli, UnknownHostTableIsRefused) {
    const fs::path people =
        write("people.csv", "name,group,organisation,host_table\nAns,Bewoner,,9\nBram,Student,,\n");
    const CommandResult result =
        run("--people " + people.string() + " --tables 2 --rounds 2 --hosts --out " +
            plan_path().string());
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.output.find("host_table \"9\" is geen tafel"), std::string::npos)
        << result.output;
}

TEST_F(PlanTablesCli, GoalsCanBeReorderedAndUnknownOnesAreRefused) {
    const fs::path people = write("people.csv", people_file());
    const CommandResult reordered =
        run("--people " + people.string() +
            " --tables 4 --rounds 3 --hosts --goals resident-every-table,group-mix --out " +
            plan_path().string());
    EXPECT_EQ(reordered.exit_code, 0) << reordered.output;
    EXPECT_TRUE(fs::exists(plan_path()));

    const CommandResult unknown =
        run("--people " + people.string() + " --tables 4 --rounds 3 --goals snelste --out " +
            plan_path().string());
    EXPECT_NE(unknown.exit_code, 0);
    EXPECT_NE(unknown.output.find("Fout: --goals kent \"snelste\" niet; kies uit no-repeats,"),
              std::string::npos)
        << unknown.output;
    const CommandResult twice =
        run("--people " + people.string() +
            " --tables 4 --rounds 3 --goals group-mix,group-mix --out " + plan_path().string());
    EXPECT_NE(twice.exit_code, 0);
    EXPECT_NE(twice.output.find("Error: --goals names group-mix twice."), std::string::npos)
        << twice.output;
}

TEST_F(PlanTablesCli, UnreadableFileAndBadNumbersAreRefused) {
    const CommandResult missing =
        run("--people " + (plan_path().parent_path() / "nope.csv").string() +
            " --tables 2 --rounds 2 --out " + plan_path().string());
    EXPECT_NE(missing.exit_code, 0);
    EXPECT_NE(missing.output.find("Fout: kan het bestand"), std::string::npos) << missing.output;

    const fs::path people = write("people.csv", people_file());
    const CommandResult bad = run("--people " + people.string() +
                                  " --tables vier --rounds 2 --out " + plan_path().string());
    EXPECT_NE(bad.exit_code, 0);
    EXPECT_NE(bad.output.find("Fout: --tables moet een geheel getal"), std::string::npos)
        << bad.output;
}

}  // namespace
