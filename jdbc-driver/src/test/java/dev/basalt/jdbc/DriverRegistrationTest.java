package dev.basalt.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriverRegistrationTest
{
    @Test
    void serviceLoaderFindsTheDriver()
    {
        boolean found = false;
        for (Driver driver : ServiceLoader.load(Driver.class)) {
            found |= driver instanceof BasaltDriver;
        }
        assertTrue(found, "META-INF/services/java.sql.Driver must list dev.basalt.jdbc.BasaltDriver");
    }

    @Test
    void driverManagerFindsTheDriver() throws SQLException
    {
        assertInstanceOf(BasaltDriver.class, DriverManager.getDriver("jdbc:basalt:"));
        assertInstanceOf(BasaltDriver.class, DriverManager.getDriver("jdbc:basalt:/tmp/x"));
    }

    @Test
    void otherUrlsAreLeftToOtherDrivers() throws SQLException
    {
        BasaltDriver driver = new BasaltDriver();
        assertFalse(driver.acceptsURL("jdbc:h2:mem:"));
        assertNull(driver.connect("jdbc:h2:mem:", new Properties()));
    }

    @Test
    void invalidSettingsFailWithAConnectionError()
    {
        SQLException e = assertThrows(SQLException.class, () -> new BasaltDriver().connect("jdbc:basalt:?bogus=1", new Properties()));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("bogus"), e.getMessage());
    }

    @Test
    void versionAndProperties()
    {
        BasaltDriver driver = new BasaltDriver();
        String version = DriverVersion.version();
        assertTrue(version.matches("\\d+\\.\\d+.*"), "the version comes from the filtered pom version: " + version);
        String[] parts = version.split("[.-]");
        assertEquals(Integer.parseInt(parts[0]), driver.getMajorVersion());
        assertEquals(Integer.parseInt(parts[1]), driver.getMinorVersion());
        assertFalse(driver.jdbcCompliant());
        assertEquals(2, driver.getPropertyInfo("jdbc:basalt:", new Properties()).length);
    }
}
