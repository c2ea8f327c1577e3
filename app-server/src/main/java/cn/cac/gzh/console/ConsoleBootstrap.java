package cn.cac.gzh.console;

import java.util.Optional;

/** What the first start did about the first administrator. */
public interface ConsoleBootstrap {

    /** The generated password of the first administrator, in local mode on the first start only. */
    Optional<String> generatedAdminPassword();
}
